package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that accepts TCP and never says a word: each readiness call returns within {@code mailwire.health.timeout}
 * (DOWN, reason timeout) although the probe itself waits for the mailer's much longer read timeout; calls meanwhile
 * share that one probe instead of piling up connections.
 */
@Timeout(60)
class BlackHoleServerDoesNotHangReadinessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling and JSON rendering on a busy CI machine. */
    private static final Duration SLACK = Duration.ofMillis(700);

    @Test
    void readinessAnswersWithinItsTimeout() {
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(Faults.silent()).start();
                TestConfig c = TestConfig.use(Settings.create()
                        .fake(server, "app", "app-secret")
                        .set("read-timeout", "PT20S")
                        .set("send-timeout", "PT20S")
                        .health(Duration.ofSeconds(2), TIMEOUT, Duration.ofSeconds(2))
                        .map());
                HealthContainer container = HealthContainer.boot()) {
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                JsonObject ready = container.readiness();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(took).isLessThanOrEqualTo(TIMEOUT.plus(SLACK));
                assertThat(HealthContainer.status(ready)).isEqualTo("DOWN");
                Map<String, Object> data = HealthContainer.data(ready, ReadinessCheck.NAME);
                assertThat(data.get("<default>.reason").toString()).contains("timeout");
                assertThat(data.get("<default>.error").toString()).contains("mailwire.health.timeout");
            }
            assertThat(server.connectionCount()).isEqualTo(1);
            long start = System.nanoTime();
            assertThat(HealthContainer.status(container.liveness())).isEqualTo("UP");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
    }
}
