package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.deployment.FakeOutbox;
import dev.mailwire.health.support.HealthContainer;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A mailer whose outbox dispatcher stopped is broken beyond waiting: liveness is DOWN and says why. */
@Timeout(30)
class StoppedDispatcherFailsLivenessTest {

    @Test
    void livenessReportsTheStoppedDispatcher() {
        try (TestConfig c = TestConfig.use(Map.of("mailwire.mailer.mock", "true"));
                HealthContainer container = HealthContainer.boot(FakeOutbox.class)) {
            assertThat(HealthContainer.status(container.liveness())).isEqualTo("UP");

            container.bean(FakeOutbox.class).stopDispatcher();
            JsonObject live = container.liveness();

            assertThat(HealthContainer.status(live)).isEqualTo("DOWN");
            Map<String, Object> data = HealthContainer.data(live, LivenessCheck.NAME);
            assertThat(data.get("<default>").toString()).contains("DOWN");
            assertThat(data.get("<default>.problem").toString()).contains("outbox dispatcher");
        }
    }
}
