package dev.mailwire.cdi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the user documentation that tests hold to the code. */
final class Docs {

    private Docs() {}

    static String read(String page) throws IOException {
        // Set by the build; the fallback serves a run from the module directory in an IDE.
        Path dir = Path.of(System.getProperty("mailwire.docs.dir", "../docs"));
        return Files.readString(dir.resolve(page));
    }

    /** The rows of the tables under {@code ## heading} of {@code page} (up to the next {@code ## }), header aside. */
    static List<String> tableRows(String page, String heading) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : read(page).lines().toList()) {
            if (line.startsWith("## ")) {
                in = line.equals("## " + heading);
            } else if (in && line.startsWith("| `")) {
                rows.add(line);
            }
        }
        return rows;
    }
}
