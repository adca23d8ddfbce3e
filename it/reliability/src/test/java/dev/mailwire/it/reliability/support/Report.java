package dev.mailwire.it.reliability.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The report the suite writes: each test class files its {@link Section} as a fragment under
 * {@code target/reliability/<variant>/}, and the whole report is assembled again from every fragment there, so it is
 * complete whichever test ran last. A section keeps the time it was measured, so a report assembled after running a
 * single test says which figures are older. A section is filed as unfinished when it starts, so a test that dies
 * before writing its figures leaves that mark rather than the figures of an earlier run.
 */
public final class Report {

    private Report() {}

    /** @param id orders the sections, e.g. {@code 1-restarts} */
    public static Section section(String id, String title) {
        Section s = new Section(id, title);
        Properties p = new Properties();
        p.setProperty("title", title);
        p.setProperty("finished", "false");
        p.setProperty("measured", now());
        file(id, p);
        return s;
    }

    /** Files {@code s} as it stands; call {@link Section#verify()} afterwards. */
    public static synchronized void write(Section s) {
        file(s.id, fragment(s));
    }

    static Properties fragment(Section s) {
        synchronized (s) {
            return fragmentOf(s);
        }
    }

    private static Properties fragmentOf(Section s) {
        Properties p = new Properties();
        p.setProperty("title", s.title);
        p.setProperty("finished", "true");
        p.setProperty("measured", now());
        p.setProperty("seconds", String.valueOf(s.elapsed().toMillis() / 1000.0));
        p.setProperty("figures", s.figures.toString());
        p.setProperty("notes", s.notes.toString());
        p.setProperty("asserted", String.valueOf(s.asserted));
        p.setProperty("measuredOnly", String.valueOf(s.measured));
        p.setProperty("failed", String.join("\n", s.failed));
        s.counts.forEach((k, v) -> p.setProperty("count." + k.name(), String.valueOf(v)));
        return p;
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static synchronized void file(String id, Properties p) {
        Soak soak = Soak.current();
        Path dir = Soak.work().resolve(soak.name());
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(id + ".properties"), StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Path report = soak.report();
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, ReportText.render(soak, fragments(dir)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability report", e);
        }
    }

    private static List<Properties> fragments(Path dir) throws IOException {
        List<Properties> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                all.add(p);
            }
        }
        return all;
    }
}
