package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.Polling;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Postfix stopped: readiness goes DOWN within interval + timeout, naming the reason (refused); started again:
 * UP within the same bound. Liveness stays UP throughout: an SMTP outage is no reason to restart the application.
 */
@Timeout(120)
class ServerStopAndRestartTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Polling granularity and scheduling: a poll may land just after the state changed. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    @Test
    void readinessFollowsTheServerAndLivenessDoesNot() {
        try (PrivatePostfix postfix =
                        PrivatePostfix.builder().user("app", "app-secret").start();
                TestConfig c = TestConfig.use(Settings.create()
                        .postfix(postfix, "app")
                        // Shorter than the interval, so each probe checks the pooled connection with NOOP.
                        .set("pool.validate-after-idle", "PT1S")
                        .set("connect-timeout", "PT2S")
                        .health(INTERVAL, TIMEOUT, INTERVAL)
                        .map());
                HealthContainer container = HealthContainer.boot()) {
            Duration bound = INTERVAL.plus(TIMEOUT).plus(SLACK);
            Polling.until(() -> poll(container), r -> r.ready().equals("UP"), POLL, bound);

            postfix.stop();
            long stopped = System.nanoTime();
            Result down = Polling.until(() -> poll(container), r -> r.ready().equals("DOWN"), POLL, bound);
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThanOrEqualTo(bound);
            Map<String, Object> data = HealthContainer.data(down.json(), ReadinessCheck.NAME);
            assertThat(data.get("<default>.reason").toString()).contains("refused");
            assertThat(data.get("<default>.error").toString()).contains("connection refused");
            assertThat(data.get("<default>.server").toString()).contains(postfix.host() + ":" + postfix.port());

            postfix.start();
            long restarted = System.nanoTime();
            Polling.until(() -> poll(container), r -> r.ready().equals("UP"), POLL, bound);
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThanOrEqualTo(bound);
        }
    }

    /** One readiness poll, with a liveness poll beside it that must be UP whatever the server does. */
    private static Result poll(HealthContainer container) {
        JsonObject live = container.liveness();
        assertThat(HealthContainer.status(live)).as("liveness").isEqualTo("UP");
        JsonObject ready = container.readiness();
        return new Result(HealthContainer.status(ready), ready);
    }

    private record Result(String ready, JsonObject json) {}
}
