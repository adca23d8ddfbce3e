package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe threads, one per mailer, run while the application does and are gone once it stops: an application
 * server must find no thread of an undeployed application.
 */
@Timeout(60)
class ProbeThreadsEndWithTheApplicationTest {

    @Test
    void noProbeThreadOutlivesTheContainer() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                TestConfig c = TestConfig.use(Settings.create()
                        .fake(server, "app", "app-secret")
                        .health(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2))
                        .map())) {
            try (HealthContainer container = HealthContainer.boot()) {
                Map<String, Object> data = HealthContainer.data(container.readiness(), ReadinessCheck.NAME);
                assertThat(data.get("<default>").toString()).contains("UP");
                assertThat(probeThreads()).hasSize(1);
            }
            assertThat(probeThreads()).isEmpty();
        }
    }

    private static List<Thread> probeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(ProbeThreads.NAME))
                .toList();
    }
}
