package dev.mailwire.cdi.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.internal.telemetry.deployment.FakeServer;
import dev.mailwire.cdi.internal.telemetry.deployment.InMemoryOtel;
import dev.mailwire.cdi.internal.telemetry.deployment.Metrics;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Instant;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pool's and the outbox's figures are observed when the SDK collects: one connection opened and idle after a
 * send, the configured maximum, and the backlog the outbox reports.
 */
@Timeout(60)
class PoolGaugesFollowThePoolTest {

    @Test
    void gaugesReadThePoolAndTheOutbox() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                TestConfig c = TestConfig.use(FakeServer.settings(server));
                WeldContainer container = Containers.boot(InMemoryOtel.class, MonitorCatcher.class)) {
            container
                    .select(Mailers.class)
                    .get()
                    .defaultMailer()
                    .send(Mail.builder()
                            .to("ada@example.org")
                            .subject("s")
                            .text("t")
                            .build());
            container
                    .select(MonitorCatcher.class)
                    .get()
                    .get("<default>")
                    .outbox(() -> new OutboxFigures(4, Instant.now().minusSeconds(90), 2));

            Metrics m = new Metrics(InMemoryOtel.metrics.collectAllMetrics());
            Map<String, String> mailer = Map.of(TelemetryNames.MAILER, "<default>");

            assertThat(m.sum(TelemetryNames.POOL_CONNECTIONS, Map.of(TelemetryNames.POOL_STATE, "idle")))
                    .isEqualTo(1);
            assertThat(m.sum(TelemetryNames.POOL_CONNECTIONS, Map.of(TelemetryNames.POOL_STATE, "in_use")))
                    .isZero();
            assertThat(m.sum(TelemetryNames.POOL_MAX, mailer)).isEqualTo(8);
            assertThat(m.sum(TelemetryNames.POOL_CREATED, mailer)).isEqualTo(1);
            assertThat(m.sum(TelemetryNames.OUTBOX_BACKLOG, mailer)).isEqualTo(4);
            assertThat(m.sum(TelemetryNames.OUTBOX_DEAD_LETTERS, mailer)).isEqualTo(2);
            assertThat(m.metric(TelemetryNames.OUTBOX_OLDEST_AGE).getUnit()).isEqualTo("s");
            assertThat(m.metric(TelemetryNames.POOL_WAIT_TIME).getUnit()).isEqualTo("s");
        }
        // The mailer closed with the container: its callbacks are gone, nothing is observed any more.
        assertThat(InMemoryOtel.metrics.collectAllMetrics().stream()
                        .filter(d -> d.getName().equals(TelemetryNames.POOL_CONNECTIONS))
                        .flatMap(d -> d.getData().getPoints().stream()))
                .isEmpty();
    }
}
