package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A mock mailer opens no socket: readiness is UP with {@code mock=true}, and no server data. */
@Timeout(30)
class MockMailerIsReadyTest {

    @Test
    void mockMailerIsUpWithMockData() {
        try (TestConfig c =
                        TestConfig.use(Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.alerts.mock", "true"));
                HealthContainer container = HealthContainer.boot()) {
            JsonObject ready = container.readiness();

            assertThat(HealthContainer.status(ready)).isEqualTo("UP");
            Map<String, Object> data = HealthContainer.data(ready, ReadinessCheck.NAME);
            assertThat(data).containsKeys("<default>", "alerts", "<default>.mock", "alerts.mock");
            assertThat(data.get("<default>").toString()).contains("UP");
            assertThat(data.get("alerts.mock").toString()).isEqualTo("true");
            assertThat(data).doesNotContainKey("alerts.server");
            assertThat(HealthContainer.status(container.liveness())).isEqualTo("UP");
        }
    }
}
