package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A bad health setting, or an unknown name under {@code mailwire.health.}, fails the deployment, naming the key. */
@Timeout(30)
class HealthSettingsCheckedAtDeploymentTest {

    @Test
    void badValueFailsTheDeployment() {
        try (TestConfig c = TestConfig.use(Map.of(
                "mailwire.mailer.mock", "true",
                "mailwire.health.interval", "30s",
                "mailwire.health.outbox.max-backlog", "-1"))) {
            assertThatThrownBy(HealthContainer::boot)
                    .hasStackTraceContaining("MWHEALTH-001")
                    .hasStackTraceContaining("mailwire.health.interval")
                    .hasStackTraceContaining("'30s'")
                    .hasStackTraceContaining("mailwire.health.outbox.max-backlog");
        }
    }

    @Test
    void unknownKeyFailsTheDeployment() {
        try (TestConfig c =
                TestConfig.use(Map.of("mailwire.mailer.mock", "true", "mailwire.health.intervall", "PT5S"))) {
            assertThatThrownBy(HealthContainer::boot)
                    .hasStackTraceContaining("MWHEALTH-002")
                    .hasStackTraceContaining("mailwire.health.intervall");
        }
    }

    @Test
    void goodValuesDeploy() {
        try (TestConfig c = TestConfig.use(Map.of(
                        "mailwire.mailer.mock", "true",
                        "mailwire.health.interval", "PT1M",
                        "mailwire.health.outbox.max-age", "PT1H"));
                HealthContainer container = HealthContainer.boot()) {
            assertThat(HealthContainer.status(container.readiness())).isEqualTo("UP");
        }
    }
}
