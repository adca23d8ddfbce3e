package dev.mailwire.cdi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the user documentation that tests hold to the code. */
final class Docs {

    private Docs() {}

    static String read(String page) throws IOException {
        // Set by the build; the fallback serves a run from the module directory in an IDE.
        Path dir = Path.of(System.getProperty("mailwire.docs.dir", "../docs"));
        return Files.readString(dir.resolve(page));
    }
}
