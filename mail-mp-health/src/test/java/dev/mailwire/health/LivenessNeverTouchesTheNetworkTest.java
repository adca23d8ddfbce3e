package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** However often liveness is polled, and whatever the server does, it opens no connection and answers at once. */
@Timeout(30)
class LivenessNeverTouchesTheNetworkTest {

    @Test
    void livenessOpensNoConnection() {
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(Faults.silent()).start();
                TestConfig c = TestConfig.use(
                        Settings.create().fake(server, "app", "app-secret").map());
                HealthContainer container = HealthContainer.boot()) {
            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertThat(HealthContainer.status(container.liveness())).isEqualTo("UP");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(server.connectionCount()).isZero();
        }
    }
}
