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
 * single test says which figures are older.
 */
public final class Report {

    private Report() {}

    /** @param id orders the sections, e.g. {@code 1-restarts} */
    public static Section section(String id, String title) {
        return new Section(id, title);
    }

    public static synchronized void write(Section s) {
        Soak soak = Soak.current();
        Path dir = Soak.work().resolve(soak.name());
        Properties p = new Properties();
        p.setProperty("title", s.title);
        p.setProperty("measured", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.setProperty("seconds", String.valueOf(s.elapsed().toMillis() / 1000.0));
        p.setProperty("figures", s.figures.toString());
        p.setProperty("notes", s.notes.toString());
        s.counts.forEach((k, v) -> p.setProperty("count." + k.name(), String.valueOf(v)));
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(s.id + ".properties"), StandardCharsets.UTF_8)) {
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
