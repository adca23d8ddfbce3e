package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.Polling;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readiness polled every 100 ms against a healthy server opens at most {@code run / interval + 1} connections, counted
 * at the server. The pool closes idle connections quickly here, so every probe needs a new one and the count is the
 * number of probes (DESIGN: 60 s at a 100 ms poll; the run is shorter to keep the build short, the bound the same).
 */
@Timeout(60)
class ProbesAtMostOncePerIntervalTest {

    private static final Duration RUN = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void pollingFasterThanTheIntervalDoesNotConnectFaster() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                TestConfig c = TestConfig.use(Settings.create()
                        .fake(server, "app", "app-secret")
                        .set("pool.idle-timeout", "PT0.5S")
                        .health(INTERVAL, Duration.ofSeconds(2), INTERVAL)
                        .map());
                HealthContainer container = HealthContainer.boot()) {
            long start = System.nanoTime();
            int polls = 0;
            while (System.nanoTime() - start < RUN.toNanos()) {
                assertThat(HealthContainer.status(container.readiness())).isEqualTo("UP");
                polls++;
                Polling.sleep(POLL);
            }
            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

            long bound = elapsedMs / INTERVAL.toMillis() + 1;
            assertThat(polls).isGreaterThan(50);
            assertThat(server.connectionCount()).isLessThanOrEqualTo((int) bound);
            // And it did probe, once per interval or so: a check that never probes would pass the bound too.
            assertThat(server.connectionCount()).isGreaterThanOrEqualTo((int) bound - 2);
        }
    }
}
