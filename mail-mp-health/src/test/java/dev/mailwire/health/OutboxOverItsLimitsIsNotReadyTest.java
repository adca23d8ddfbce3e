package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.health.deployment.FakeOutbox;
import dev.mailwire.health.support.HealthContainer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox's backlog and the age of its oldest mail are reported, and readiness is DOWN (reason outbox) while
 * either passes its configured limit; liveness does not care.
 */
@Timeout(30)
class OutboxOverItsLimitsIsNotReadyTest {

    @Test
    void backlogAndAgeAgainstTheirLimits() {
        try (TestConfig c = TestConfig.use(Map.of(
                        "mailwire.mailer.mock", "true",
                        "mailwire.health.outbox.max-backlog", "10",
                        "mailwire.health.outbox.max-age", "PT10M"));
                HealthContainer container = HealthContainer.boot(FakeOutbox.class)) {
            FakeOutbox outbox = container.bean(FakeOutbox.class);

            outbox.set(new OutboxFigures(3, Instant.now().minusSeconds(60), 1));
            Map<String, Object> ok = data(container.readiness(), "UP");
            assertThat(ok).containsEntry("<default>.outbox.backlog", num(3));
            assertThat(ok).containsEntry("<default>.outbox.dead-letters", num(1));
            assertThat(ok.get("<default>.outbox.oldest-age-s").toString()).isIn("60", "61");

            outbox.set(new OutboxFigures(11, Instant.now(), 0));
            Map<String, Object> full = data(container.readiness(), "DOWN");
            assertThat(full.get("<default>.reason").toString()).contains("outbox");
            assertThat(full.get("<default>.error").toString()).contains("mailwire.health.outbox.max-backlog");

            outbox.set(new OutboxFigures(1, Instant.now().minus(Duration.ofHours(1)), 0));
            Map<String, Object> old = data(container.readiness(), "DOWN");
            assertThat(old.get("<default>.error").toString()).contains("mailwire.health.outbox.max-age");

            assertThat(HealthContainer.status(container.liveness())).isEqualTo("UP");
        }
    }

    private static Map<String, Object> data(JsonObject ready, String status) {
        assertThat(HealthContainer.status(ready)).isEqualTo(status);
        return HealthContainer.data(ready, ReadinessCheck.NAME);
    }

    private static Object num(long n) {
        return jakarta.json.Json.createValue(n);
    }
}
