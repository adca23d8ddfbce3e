package dev.mailwire.it.reliability.stalls;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final int THREADS = 8;
    private static final int MAX_SIZE = 4;
    private static final Section REPORT = Report.section("3-stalls", "Stalled servers");

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
                long start = System.nanoTime();
                audit.health(app.monitor().probe());
                probe = Duration.ofNanos(System.nanoTime() - start);
                audit.health(app.monitor().stats());
                inUse = app.monitor().poolStats().inUse();
            }
            calls.failures().forEach(audit::exception);
            Duration bound = ACQUIRE.plus(SEND).plus(SLACK).plus(stall.large() ? healthy : Duration.ZERO);
            List<String> stuck = SocketThreads.awaitNone(2000);
            WireAudit wire = WireAudit.of(server);
            long over = calls.over(bound) + (probe.compareTo(bound) > 0 ? 1 : 0);

            REPORT.figure(
                            stall.description,
                            "slowest send " + calls.max().toMillis() + " ms, probe "
                                    + probe.toMillis() + " ms; "
                                    + calls.failures().size() + "/"
                                    + calls.durations().size() + " failed; threads in socket I/O " + stuck.size()
                                    + "; in use " + inUse + "; peak open " + peak
                                    + (stall.serverSeesCloses() ? " (server)" : " (pool)"),
                            "ended by " + stall.endedBy + "; bound " + bound.toMillis() + " ms"
                                    + (stall.large()
                                            ? " (with the slowest healthy send, " + healthy.toMillis() + " ms)"
                                            : ""))
                    .count(Matrix.OVER_BOUND, over)
                    .count(Matrix.STUCK_THREADS, stuck.size())
                    .count(Matrix.IN_USE_AFTER, inUse)
                    .count(Matrix.OVER_MAX_SIZE, peak > MAX_SIZE ? 1 : 0)
                    .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls())
                    .count(Matrix.INJECTED_LINES, wire.injectedLines() + wire.injectedHeaders())
                    .count(Matrix.BARE_LINE_ENDINGS, wire.bareLineEndings())
                    .count(Matrix.CREDENTIAL_LEAKS, audit.leaks().size());

            assertThat(calls.failures())
                    .as("every stalled send fails")
                    .hasSize(calls.durations().size());
            assertThat(calls.max()).as("slowest send").isLessThanOrEqualTo(bound);
            assertThat(probe).as("health probe").isLessThanOrEqualTo(bound);
            assertThat(stuck).as("threads left in socket I/O").isEmpty();
            assertThat(inUse).as("connections in use").isZero();
            assertThat(peak).as("peak connections at the server").isLessThanOrEqualTo(MAX_SIZE);
            assertThat(wire.clean()).as("wire: " + wire).isTrue();
            assertThat(audit.leaks())
                    .as("credentials in exceptions, logs, health")
                    .isEmpty();
        }
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
        Report.write(REPORT);
    }
}
