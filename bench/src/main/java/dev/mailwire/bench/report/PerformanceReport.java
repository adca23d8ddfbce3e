package dev.mailwire.bench.report;

import dev.mailwire.bench.memory.LargeAttachment;
import dev.mailwire.bench.server.RoundTrip;
import dev.mailwire.bench.server.Target;
import dev.mailwire.bench.transactions.CommitLatency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Writes {@code docs/performance.md}: goals first, then the machine, the levers, every table, the method. */
public final class PerformanceReport {

    public static final String COMMAND = "bench/run.sh";

    private PerformanceReport() {}

    /** @param chunking the keys of the servers whose EHLO offered CHUNKING (RFC 3030) to the raw client */
    public static void write(
            Path file,
            Map<String, String> machine,
            List<Goal> goals,
            Results results,
            List<Target> targets,
            List<RoundTrip> roundTrips,
            Set<String> chunking,
            List<LargeAttachment.Result> memory,
            List<CommitLatency.Result> transactions,
            String streamProviderVariant,
            Duration elapsed)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Written by the benchmark (`").append(COMMAND).append("`, issues 7 and 12) on ");
        md.append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE));
        md.append(" in ").append(elapsed.toMinutes()).append(" min ").append(elapsed.toSecondsPart());
        md.append(" s; every number below comes from that one run on one machine. Do not edit by hand: rerun it.\n");

        md.append("\n## Goals\n\n| goal | target | measured | result |\n|---|---|---|---|\n");
        for (Goal g : goals) {
            md.append("| ").append(g.id()).append(" | ").append(g.description()).append(" | ");
            md.append(g.measured().replace('|', '/')).append(" | **");
            md.append(
                    switch (g.verdict()) {
                        case NOT_MEASURED -> "not measured yet";
                        case NOT_ATTEMPTED -> "not attempted";
                        default -> g.verdict().name();
                    });
            md.append("** |\n");
        }

        md.append("\n## Machine\n\n| | |\n|---|---|\n");
        machine.forEach(
                (k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Servers\n\n");
        for (Target t : targets) {
            md.append("- **").append(t.key()).append("**: ").append(t.label()).append('\n');
        }

        RoundTripSection.write(md, results, roundTrips);

        md.append("\n## Where the time goes\n");
        RawClientTable.write(md, results, rawClientServers(targets, roundTrips), chunking);
        Levers.write(md, results, targets, streamProviderVariant);
        md.append(resource("profile-notes.md"));

        md.append("\n## Memory (P5): one 100 MB attachment, forked JVM with `")
                .append(LargeAttachment.HEAP)
                .append("`\n\n| path | result | time | peak heap |\n|---|---|---:|---:|\n");
        for (LargeAttachment.Result m : memory) {
            md.append("| ")
                    .append(
                            m.path().equals("cdi")
                                    ? "`@Inject Mailer`, `Attachment.of(Path)`"
                                    : "JCA, " + "`MimeBodyPart.attachFile`");
            md.append(" | ").append(m.ok() ? "sent" : "failed: " + Format.failure(m.detail()));
            md.append(" | ").append(String.format(Locale.ROOT, "%.1f s", m.seconds()));
            md.append(" | ")
                    .append(m.peakHeapMb() < 0 ? "–" : m.peakHeapMb() + " MB")
                    .append(" |\n");
        }

        TransactionsSection.write(md, transactions);
        md.append("\n## Measurements\n");
        ResultTables.write(md, results);
        md.append('\n').append(resource("method.md"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Written aside and moved: a run stopped while writing leaves the previous report whole, not a truncated one.
        Path written = Files.writeString(
                file.resolveSibling(file.getFileName() + ".tmp"), md.toString(), StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The servers reached directly, then Postfix at the round-trip time the goals are judged at, if it was linked. */
    private static List<Target> rawClientServers(List<Target> targets, List<RoundTrip> roundTrips) {
        List<Target> servers = new ArrayList<>(targets);
        roundTrips.stream().filter(t -> t.rtt().equals(RoundTripGoals.AT)).forEach(t -> servers.add(t.target()));
        return servers;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PerformanceReport.class.getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
