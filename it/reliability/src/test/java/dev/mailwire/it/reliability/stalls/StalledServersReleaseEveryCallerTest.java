package dev.mailwire.it.reliability.stalls;

import dev.mailwire.Mail;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.ConnectionSampler;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.SocketThreads;
import dev.mailwire.it.reliability.support.TimedCalls;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server stalls while 8 threads send through a pool of 4 connections: every {@code Mailer.send} ends within
 * pool.acquire-timeout + send-timeout (the wait for a connection, then one whole send, as documented), and so does a
 * health probe; afterwards no thread is left in socket I/O, no connection in use, and the server never saw more
 * connections than pool.max-size.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StalledServersReleaseEveryCallerTest {

    private static final Duration ACQUIRE = Duration.ofSeconds(1);
    private static final Duration SEND = Duration.ofSeconds(4);
    /** Scheduling slack on a busy 2-core CI machine. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    /** How long a thread may take to leave a socket it was just released from. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private static final int THREADS = 8;
    private static final int MAX_SIZE = 4;
    private static final Section REPORT = Report.section("3-stalls", "Stalled servers");
    private static final AtomicInteger FILED = new AtomicInteger();

    @ParameterizedTest(name = "{0}")
    @EnumSource(Stall.class)
    void everyBlockingCallEndsWithinItsBound(Stall stall) throws Exception {
        CredentialAudit audit = CredentialAudit.begin();
        try (FakeSmtpServer server =
                FakeSmtpServer.builder().receiveBufferSize(4096).start()) {
            MailerSettings settings = MailerSettings.fake(server)
                    .set("pool.acquire-timeout", "PT" + ACQUIRE.toSeconds() + "S")
                    .set("send-timeout", "PT" + SEND.toSeconds() + "S");
            Mail mail = Mail.builder()
                    .to("ada@example.test")
                    .subject(stall.name())
                    .text(stall.body())
                    .build();
            TimedCalls calls;
            Duration healthy = Duration.ZERO;
            Duration probe;
            List<String> stuck;
            int inUse;
            int peak;
            try (App app = App.start(settings, null)) {
                if (stall.warm) {
                    // What this send costs here when all is well (an 8 MB mail is CPU work on 2 cores); warms the pool.
                    healthy = TimedCalls.run(THREADS, 1, () -> app.mailer().send(mail))
                            .max();
                }
                server.behaviour(stall.behaviour);
                ConnectionSampler sampler = stall.serverSeesCloses()
                        ? new ConnectionSampler(server)
                        : new ConnectionSampler(server::connectionCount, () -> live(app));
                try (sampler) {
                    calls = TimedCalls.run(THREADS, 2, () -> app.mailer().send(mail));
                    peak = sampler.peakOpen();
                }
                // Counted while the pool is still open: closing it would close every socket a thread could be stuck on.
                stuck = SocketThreads.awaitNone(GRACE.toMillis());
                long start = System.nanoTime();
                audit.health(app.monitor().probe());
                probe = Duration.ofNanos(System.nanoTime() - start);
                audit.health(app.monitor().stats());
                inUse = app.monitor().poolStats().inUse();
            }
            calls.failures().forEach(audit::exception);
            Duration bound = ACQUIRE.plus(SEND).plus(SLACK).plus(stall.large() ? healthy : Duration.ZERO);
            WireAudit wire = WireAudit.of(server);
            Map<Ending, Long> endings = calls.failures().stream()
                    .collect(Collectors.groupingBy(
                            Ending::of, () -> new EnumMap<>(Ending.class), Collectors.counting()));
            long unexplained = endings.entrySet().stream()
                    .filter(e -> !stall.allowed().contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            String boundText = bound.toMillis() + " ms = pool.acquire-timeout + send-timeout + slack"
                    + (stall.large() ? " + the slowest healthy send (" + healthy.toMillis() + " ms)" : "");
            String name = stall.description + ": ";

            REPORT.exactly(
                            name + "sends that failed",
                            calls.failures().size(),
                            calls.durations().size(),
                            THREADS + " threads × 2 sends against the stalled server: none may succeed or hang")
                    .atMost(name + "slowest send (ms)", calls.max().toMillis(), bound.toMillis(), "bound: " + boundText)
                    .atMost(name + "health probe (ms)", probe.toMillis(), bound.toMillis(), "after the sends")
                    .asserted(
                            name + "ended by",
                            describe(endings),
                            stall.endedBy.stream().anyMatch(endings::containsKey) && unexplained == 0,
                            "at least one by " + Stall.labels(stall.endedBy) + ", none by anything but "
                                    + Stall.labels(stall.allowed()),
                            "the setting named in each exception the callers got (or `PoolExhaustedException`)")
                    .zero(
                            name + "threads in socket I/O",
                            stuck.size(),
                            "thread dump within " + GRACE.toMillis() + " ms of the last send's end, the pool still "
                                    + "open: client threads reading, writing or connecting a socket")
                    .zero(name + "connections in use", inUse, "`PoolStats.inUse()` after the probe")
                    .zero(name + "envelopes sent lock-step", wire.lockStepEnvelopes(), wire.pipeliningEvidence())
                    .atMost(
                            name + "peak open connections",
                            peak,
                            MAX_SIZE,
                            (stall.serverSeesCloses()
                                            ? "the server's count"
                                            : "the pool's count (the server cannot "
                                                    + "tell a close while it is not reading)")
                                    + ", sampled every 20 ms; bound: pool.max-size")
                    .zero(
                            name + "wire: AUTH before TLS, injected lines, bare CR or LF",
                            wire.authBeforeTls()
                                    + wire.injectedLines()
                                    + wire.injectedHeaders()
                                    + wire.bareLineEndings(),
                            "the fake server's transcripts")
                    .count(Matrix.OVER_BOUND, calls.over(bound) + (probe.compareTo(bound) > 0 ? 1 : 0))
                    .count(Matrix.STUCK_THREADS, stuck.size())
                    .count(Matrix.IN_USE_AFTER, inUse)
                    .count(Matrix.OVER_MAX_SIZE, peak > MAX_SIZE ? 1 : 0)
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls())
                    .count(Matrix.INJECTED_LINES, wire.injectedLines() + wire.injectedHeaders())
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings());
            audit.report(REPORT, name);
            FILED.incrementAndGet();
            Report.write(REPORT);
            REPORT.verify();
        }
    }

    private static String describe(Map<Ending, Long> endings) {
        return endings.entrySet().stream()
                .map(e -> e.getKey().label + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static int live(App app) {
        var stats = app.monitor().poolStats();
        return stats.inUse() + stats.idle();
    }

    @AfterAll
    static void report() {
        REPORT.note("Settings: connect-timeout 1 s, read-timeout 1 s, send-timeout " + SEND.toSeconds()
                + " s, pool.max-size 4, pool.acquire-timeout " + ACQUIRE.toSeconds() + " s; " + THREADS
                + " threads × 2 sends each. Except against the silent server, the same load runs against the healthy "
                + "server first, which warms the pool, so the stall hits reused connections (Mailwire then retries "
                + "once on a fresh connection when nothing of the message was sent) as well as new ones. The bound on "
                + "each send is pool.acquire-timeout + send-timeout + " + SLACK.toMillis() + " ms of scheduling slack; "
                + "for the 8 MB mail, what the slowest send took against the healthy server is added (rendering and "
                + "writing 8 MB from 8 threads on 2 cores).");
        REPORT.exactly(
                "stalls that filed their figures",
                FILED.get(),
                Stall.values().length,
                "a stall whose run ended early (an exception) is missing from the rows above");
        Report.write(REPORT);
        REPORT.verify();
    }
}
