package dev.mailwire.cdi.internal.telemetry.absent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.internal.telemetry.Telemetry;
import dev.mailwire.cdi.stats.SendOutcome;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without the OpenTelemetry API on the class path (the build's {@code no-telemetry} run leaves it out), mailers start
 * and send as usual and the plain snapshot still counts: the optional dependency is never loaded.
 */
@Timeout(30)
class TelemetryIsANoOpWithoutTheApiTest {

    @Test
    void mailGoesOutAndIsCountedWithoutTheApi() {
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry"))
                .as("this test runs without the OpenTelemetry API")
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Telemetry.available()).isFalse();

        try (TestConfig c = TestConfig.use(Map.of("mailwire.mailer.mock", "true", "mailwire.mailer.from", "a@b.org"));
                WeldContainer container = Containers.boot(MonitorCatcher.class)) {
            container
                    .select(Mailers.class)
                    .get()
                    .defaultMailer()
                    .send(Mail.builder()
                            .to("x@example.org")
                            .subject("s")
                            .text("t")
                            .build());

            assertThat(container
                            .select(MonitorCatcher.class)
                            .get()
                            .get("<default>")
                            .stats()
                            .sends(SendOutcome.DELIVERED))
                    .isEqualTo(1);
        }
    }
}
