package dev.mailwire.bench.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The DKIM signing cost as a section of the bench's Markdown report (issue 13): the scenarios' report is written
 * first, by {@code BenchMain}; this section then goes in before its "Measurements" (or at the end), replacing the
 * section of an earlier run.
 */
final class SigningCostSection {

    static final String NAME = "DKIM signing cost per mail";

    private static final String HEADING = "## " + NAME;
    private static final String BEFORE = "\n## Measurements\n";

    private SigningCostSection() {}

    static void write(Path report, List<String> table) throws IOException {
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        text = without(text);
        String section = HEADING + " (µs of CPU time of one thread)\n\n"
                + "Render + sign minus render alone, for a text mail of 1 KB and of 100 KB, per key; measured, not"
                + " judged against a goal (`bench/.../dkim/DkimSigningCost`, run by `bench/run.sh` after the"
                + " scenarios). Signing happens in the sending thread before a connection is borrowed: it costs CPU,"
                + " not pooled connections.\n\n"
                + String.join("\n", table) + "\n";
        int at = text.indexOf(BEFORE);
        String result = at < 0
                ? text + (text.isEmpty() || text.endsWith("\n\n") ? "" : "\n") + section
                : text.substring(0, at + 1) + section + text.substring(at);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, result, StandardCharsets.UTF_8);
    }

    /** The report without the section of an earlier run (it ends where the next "## " heading starts). */
    private static String without(String text) {
        int start = text.indexOf(HEADING);
        if (start < 0) {
            return text;
        }
        int end = text.indexOf("\n## ", start + HEADING.length());
        return text.substring(0, start) + (end < 0 ? "" : text.substring(end + 1));
    }
}
