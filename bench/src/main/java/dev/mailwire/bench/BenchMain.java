package dev.mailwire.bench;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.clients.MailwireContainer;
import dev.mailwire.bench.clients.raw.RawSmtpClient;
import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Harness;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.memory.LargeAttachment;
import dev.mailwire.bench.report.Goal;
import dev.mailwire.bench.report.Goals;
import dev.mailwire.bench.report.MachineInfo;
import dev.mailwire.bench.report.PerformanceReport;
import dev.mailwire.bench.report.Results;
import dev.mailwire.bench.report.RoundTripGoals;
import dev.mailwire.bench.server.BenchServers;
import dev.mailwire.bench.server.Target;
import dev.mailwire.bench.transactions.CommitLatency;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The benchmark of issues 7 and 12: starts its servers (and the delay links of the round-trip group), measures
 * every scenario of the {@link Plan} in this one JVM, runs the 100 MB attachment in a forked {@code -Xmx64m} JVM,
 * prints PASS/FAIL per goal and writes the report. It is not a test: a failed goal does not fail the run. A failed
 * measurement does, at the end: the run goes on, the report shows it as failed, and the exit status is 1 (issue 16).
 */
public final class BenchMain {

    /** The largest thread count of the plan; Mailwire's pools are sized to it so they never cap a scenario. */
    static final int POOL_MAX_SIZE = 16;

    /**
     * Whether the bench's Mailwire mailers keep several transactions in flight on one connection (issue 12's stretch
     * goal, P8). Mailwire has no such setting yet: P8 is reported as not attempted, its ratio as a measurement.
     */
    static final boolean MAILWIRE_WINDOW_IN_FLIGHT = false;

    /** The longest wait for Postfix's queue to drain before a round of windows. */
    static final Duration ROUND_SETTLE = Duration.ofSeconds(5);

    /**
     * Held so the settings stick (JUL keeps loggers weakly). Vert.x warns whenever an event loop is busy for 2 s,
     * which its own 10 MB encoding does; Weld and Angus's pool log each start at INFO.
     */
    private static final List<Logger> QUIET = List.of(
            quiet("io.vertx", Boolean.getBoolean("bench.vertx.logActivity") ? Level.ALL : Level.SEVERE),
            quiet("io.netty", Level.SEVERE),
            quiet("org.jboss.weld", Level.WARNING));

    private BenchMain() {}

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        long start = System.nanoTime();
        // On SIGTERM or Ctrl-C the servers' shutdown hooks stop them while this thread would race on against dead
        // servers and write a report of failures: interrupted, it stops at the next window or group instead.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "bench-interrupt"));
        Map<String, String> machine = MachineInfo.describe();
        String loadAtStart = MachineInfo.loadAverage();
        machine.forEach((k, v) -> System.out.println(k + ": " + v));
        List<String> failures = new ArrayList<>();
        try (BenchServers servers = BenchServers.start(options.work());
                MailwireContainer mailwire = MailwireContainer.boot(servers.everyTarget(), POOL_MAX_SIZE)) {
            Set<String> chunking = offeringChunking(servers);
            Results results = measureAll(options, servers, mailwire, chunking);
            List<LargeAttachment.Result> memory = memory(servers, options);
            LargeAttachment.Result p5 = memory.isEmpty()
                    ? new LargeAttachment.Result("cdi", false, 0, -1, 64, "skipped (--skip-memory)")
                    : memory.get(0);
            List<CommitLatency.Result> p4 = transactions(servers, options);
            machine.put("Load average (1 min) at start / end", loadAtStart + " / " + MachineInfo.loadAverage());
            List<Goal> goals =
                    new ArrayList<>(Goals.judge(results, servers.all(), Plan.STREAM_PROVIDER_VARIANT, p4, p5));
            goals.addAll(RoundTripGoals.judge(results, servers.roundTrips(), MAILWIRE_WINDOW_IN_FLIGHT));
            System.out.println("\nGoals:");
            goals.forEach(g -> System.out.println("  " + g.line()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            PerformanceReport.write(
                    options.report(),
                    machine,
                    goals,
                    results,
                    servers.all(),
                    servers.roundTrips(),
                    chunking,
                    memory,
                    p4,
                    Plan.STREAM_PROVIDER_VARIANT,
                    elapsed);
            System.out.println("\nReport: " + options.report() + " (" + elapsed.toSeconds() + " s)");
            results.failed().forEach(m -> failures.add(m.scenario().name() + ": " + m.error()));
            memory.stream().filter(r -> !r.ok()).forEach(r -> failures.add("P5 " + r.path() + ": " + r.detail()));
            if (options.transactions()) {
                p4.stream().filter(r -> !r.ok()).forEach(r -> failures.add("P4 " + r.database() + ": " + r.error()));
            }
        }
        if (!failures.isEmpty()) {
            System.out.println("\n" + failures.size() + " measurement(s) failed, each shown as failed in the report:");
            failures.forEach(
                    f -> System.out.println("  " + f.lines().findFirst().orElse("")));
        }
        // A failed measurement fails the run, a failed goal does not. exit() also ends Vert.x and pool threads.
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /**
     * The keys of the targets whose EHLO reply (after STARTTLS, as the raw client sees it) offers CHUNKING: the raw
     * client's BDAT modes are planned against those only. A target that cannot be asked counts as offering it, so
     * that its BDAT scenarios run and fail visibly rather than vanish.
     */
    private static Set<String> offeringChunking(BenchServers servers) {
        Set<String> offering = new LinkedHashSet<>();
        for (Target t : servers.everyTarget()) {
            try {
                if (RawSmtpClient.offers(t, RawSmtpClient.CHUNKING)) {
                    offering.add(t.key());
                }
            } catch (IOException e) {
                System.out.println("    could not read " + t + "'s EHLO (its BDAT scenarios will show why): " + e);
                offering.add(t.key());
            }
        }
        System.out.println("CHUNKING offered by: " + offering);
        return offering;
    }

    private static Results measureAll(
            BenchOptions options, BenchServers servers, MailwireContainer mailwire, Set<String> chunking)
            throws InterruptedException {
        List<Scenario> plan = Plan.of(servers, options.timing(), chunking).stream()
                .filter(s -> options.only() == null
                        || options.only().matcher(s.name()).find())
                .toList();
        // The TLS sink is a JVM too: without this, the first scenarios and every pooled reconnect would meet its
        // handshake code still interpreted (measured: a reconnect then cost 15-30 ms instead of a few).
        try {
            RawSmtpClient.handshakes(servers.tlsSink(), 500);
        } catch (IOException e) {
            System.out.println("    warming up the TLS sink failed (its scenarios will show why): " + e);
        }
        Harness harness = new Harness(System.out);
        return new PlanRunner(group -> measureTogether(harness, group, servers, mailwire), System.out)
                .run(comparedTogether(plan));
    }

    /**
     * The scenarios compared with each other, measured window by window in turn: same server, payload, thread count,
     * variant and timing. In plan order, each group where its first scenario was.
     */
    private static List<List<Scenario>> comparedTogether(List<Scenario> plan) {
        Map<String, List<Scenario>> groups = new LinkedHashMap<>();
        for (Scenario s : plan) {
            String key = s.target().key() + "|" + s.payload().label() + "|" + s.threads() + "|" + s.variant() + "|"
                    + s.timing();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return new ArrayList<>(groups.values());
    }

    /** Whether Mailwire's embedded pool set the StreamProvider property itself, seen after its first window. */
    private static boolean mailwireSetsStreamProvider;

    /**
     * Opens the group's clients, then measures them window by window in turn ({@link Harness#measureTogether}). Each
     * round of windows starts from a settled server, and each window from a known JVM-wide state:
     * the StreamProvider property is set for the variant that names it and for Mailwire (whose embedded pool sets it
     * on its own, once, when its first connection is made), and unset for every other client. Without this the
     * property Mailwire set would linger and speed up whichever peer happened to run after it.
     */
    private static List<Measurement> measureTogether(
            Harness harness, List<Scenario> group, BenchServers servers, MailwireContainer mailwire)
            throws InterruptedException {
        List<Client> opened = new ArrayList<>();
        List<Harness.Entry> entries = new ArrayList<>();
        Map<Scenario, Measurement> failed = new LinkedHashMap<>();
        try {
            for (Scenario s : group) {
                Client client;
                try {
                    client = ClientKind.byLabel(s.client())
                            .open(s.target(), s.payload(), s.threads(), s.variant(), mailwire);
                } catch (Exception e) {
                    failed.put(s, Measurement.failed(s, e.toString()));
                    continue;
                }
                opened.add(client);
                boolean mailwireClient = s.client().startsWith("Mailwire");
                boolean variant = s.variant().equals(Plan.STREAM_PROVIDER_VARIANT);
                entries.add(new Harness.Entry(
                        s,
                        client,
                        () -> {
                            if (variant || (mailwireClient && mailwireSetsStreamProvider)) {
                                System.setProperty(Plan.STREAM_PROVIDER_PROPERTY, Plan.STREAM_PROVIDER_CLASS);
                            } else {
                                System.clearProperty(Plan.STREAM_PROVIDER_PROPERTY);
                            }
                        },
                        () -> {
                            if (mailwireClient && System.getProperty(Plan.STREAM_PROVIDER_PROPERTY) != null) {
                                mailwireSetsStreamProvider = true;
                            }
                            System.clearProperty(Plan.STREAM_PROVIDER_PROPERTY);
                        }));
            }
            // Postfix queues faster than it delivers to the Maildir: each round starts once its queue has drained
            // (or after ROUND_SETTLE), so a backlog slows no client more than another; the order within a round
            // turns each round.
            Runnable settle = () -> servers.settle(group.get(0).target(), ROUND_SETTLE);
            List<Measurement> measured = entries.isEmpty() ? List.of() : harness.measureTogether(entries, settle);
            List<Measurement> out = new ArrayList<>();
            for (Scenario s : group) {
                Measurement m = failed.get(s);
                if (m == null) {
                    m = measured.stream()
                            .filter(x -> x.scenario() == s)
                            .findFirst()
                            .orElseThrow();
                }
                out.add(m);
            }
            return out;
        } finally {
            for (Client c : opened) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.out.println("    closing " + c + " failed: " + e);
                }
            }
        }
    }

    /**
     * P4: commit latency with one mail against without, in a forked JVM with embedded Narayana and the outbox in the
     * same database as the business row: in-memory H2 (the strictest case) and the local PostgreSQL (the realistic
     * one). The mail goes to the TLS sink after commit.
     */
    private static List<CommitLatency.Result> transactions(BenchServers servers, BenchOptions options)
            throws InterruptedException {
        List<CommitLatency.Result> results = new ArrayList<>();
        for (String database : List.of("h2", "postgresql")) {
            CommitLatency.Result r;
            try {
                r = options.transactions()
                        ? CommitLatency.run(database, servers.tlsSink(), options.work())
                        : CommitLatency.skipped(database, "skipped (--skip-transactions)");
            } catch (IOException | RuntimeException e) {
                r = CommitLatency.Result.failed(database, e.toString()); // the report still gets written
            }
            System.out.println("P4 " + database + ": " + r);
            results.add(r);
        }
        return results;
    }

    /** P5: the 100 MB attachment through both paths, each in a forked {@code -Xmx64m} JVM; none with --skip-memory. */
    private static List<LargeAttachment.Result> memory(BenchServers servers, BenchOptions options)
            throws InterruptedException {
        List<LargeAttachment.Result> memory = new ArrayList<>();
        for (String path : options.memory() ? List.of("cdi", "jca") : List.<String>of()) {
            LargeAttachment.Result r;
            try {
                r = LargeAttachment.run(path, servers.tlsSink(), options.work());
            } catch (IOException | RuntimeException e) {
                r = LargeAttachment.Result.failed(path, e.toString()); // the report still gets written
            }
            System.out.println("P5 " + path + ": " + r);
            memory.add(r);
        }
        return memory;
    }
}
