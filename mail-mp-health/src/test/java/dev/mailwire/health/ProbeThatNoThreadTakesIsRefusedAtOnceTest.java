package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.Secrets;
import dev.mailwire.cdi.stats.ErrorKind;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A probe that no probe thread can take is DOWN at once with {@code MWHEALTH-109} and why, instead of waiting out
 * {@code mailwire.health.timeout} for a probe that never runs (as on Payara, whose managed executor dropped the probes
 * it could not set a context up for), and the next poll asks again.
 */
@Timeout(30)
class ProbeThatNoThreadTakesIsRefusedAtOnceTest {

    private static final HealthSettings SETTINGS = new HealthSettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            OptionalLong.empty(),
            Optional.empty());

    @Test
    void threadsTheServerNeverRunsRefuseEveryProbe() {
        // A server's thread whose context setup fails ends before it runs what it was made for.
        ThreadFactory neverRuns = r -> new Thread(() -> {});
        MailerMonitor mailer = mailer(() -> {});

        try (ProbeThreads threads = ProbeThreads.start(neverRuns, 1)) {
            ProbeGate gate = new ProbeGate(mailer, Clock.systemUTC());
            for (int poll = 0; poll < 2; poll++) {
                CompletableFuture<Evidence> evidence = gate.evidence(SETTINGS, threads);

                assertThat(evidence).isDone();
                assertRefused(evidence.join(), "none of the 1 probe threads runs");
            }
            assertThat(threads.usable())
                    .as("liveness: the probe threads are gone")
                    .isFalse();
        }
    }

    @Test
    void probesBeyondTheBusyThreadsAndTheirQueueAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MailerMonitor hanging = mailer(() -> {
            entered.countDown();
            await(release);
        });
        try (ProbeThreads threads = ProbeThreads.start(r -> new Thread(r), 1)) {
            CompletableFuture<Evidence> running = new ProbeGate(hanging, Clock.systemUTC()).evidence(SETTINGS, threads);
            assertThat(entered.await(5, TimeUnit.SECONDS))
                    .as("the first probe runs")
                    .isTrue();
            CompletableFuture<Evidence> queued = new ProbeGate(hanging, Clock.systemUTC()).evidence(SETTINGS, threads);
            CompletableFuture<Evidence> refused = new ProbeGate(hanging, Clock.systemUTC()).evidence(SETTINGS, threads);

            assertThat(refused).isDone();
            assertRefused(refused.join(), "all 1 probe threads are busy");
            release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS).ok()).isTrue();
            assertThat(queued.get(5, TimeUnit.SECONDS).ok()).isTrue();
        }
    }

    private static void assertRefused(Evidence e, String why) {
        assertThat(e.ok()).isFalse();
        assertThat(e.error()).isEqualTo(ErrorKind.OTHER);
        assertThat(e.text()).startsWith(HealthMessages.PROBE_REFUSED.id()).contains(why);
    }

    private static MailerMonitor mailer(Runnable probe) {
        return new MailerMonitor(
                MailerTarget.smtp("<default>", "127.0.0.1", 25, "NONE"),
                Secrets.none(),
                null,
                probe,
                Clock.systemUTC());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
