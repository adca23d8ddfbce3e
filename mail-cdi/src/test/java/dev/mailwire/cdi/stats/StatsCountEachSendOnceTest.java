package dev.mailwire.cdi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.MailRejectedException;
import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.FakeServerSettings;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plain snapshot counts each send once by outcome, with its recipients, latency, last success, last failure
 * (scrubbed) and the pool's figures; a mock mailer counts its sends as delivered, untimed.
 */
@Timeout(60)
class StatsCountEachSendOnceTest {

    @Test
    void countsFollowTheSends() {
        FakeSmtpServer server = FakeSmtpServer.builder()
                .behaviour(Faults.rcpt("refused@example.org", 550, "5.1.1 no such user"))
                .start();
        try (server;
                TestConfig c = TestConfig.use(settings(server));
                WeldContainer container = Containers.boot(MonitorCatcher.class)) {
            Mailer mailer = container.select(Mailers.class).get().mailer("<default>");
            for (int i = 0; i < 3; i++) {
                mailer.send(mail("ok@example.org"));
            }
            assertThatThrownBy(() -> mailer.send(mail("refused@example.org")))
                    .isInstanceOf(MailRejectedException.class);
            container.select(Mailers.class).get().mailer("alerts").send(mail("ops@example.org"));

            MailerStats stats = container
                    .select(MonitorCatcher.class)
                    .get()
                    .get("<default>")
                    .stats();
            assertThat(stats.mode()).isEqualTo(MailerStats.Mode.SMTP);
            assertThat(stats.server()).isEqualTo(server.host() + ":" + server.port());
            assertThat(stats.tls()).isEqualTo("STARTTLS");
            assertThat(stats.sends(SendOutcome.DELIVERED)).isEqualTo(3);
            assertThat(stats.sends(SendOutcome.REJECTED)).isEqualTo(1);
            assertThat(stats.rejectedByReplyClass()).containsEntry("5xx", 1L).containsEntry("4xx", 0L);
            assertThat(stats.recipients()).containsEntry(Status.DELIVERED, 3L).containsEntry(Status.REJECTED, 1L);
            assertThat(stats.latency().count()).isEqualTo(4);
            assertThat(stats.latency().max()).isPositive();
            assertThat(stats.lastSuccess()).isNotNull();
            assertThat(stats.lastFailure()).isNull();
            assertThat(stats.pool().created()).isEqualTo(1);
            assertThat(stats.pool().maxSize()).isEqualTo(8);

            server.close();
            assertThatThrownBy(() -> mailer.send(mail("ok@example.org"))).isInstanceOf(SmtpConnectionException.class);
            MailerStats after = container
                    .select(MonitorCatcher.class)
                    .get()
                    .get("<default>")
                    .stats();
            assertThat(after.sends(SendOutcome.ERROR)).isEqualTo(1);
            assertThat(after.lastFailure().error()).isIn(ErrorKind.REFUSED, ErrorKind.CONNECTION);
            assertThat(after.lastError()).doesNotContain("app-secret");

            MailerStats mock =
                    container.select(MonitorCatcher.class).get().get("alerts").stats();
            assertThat(mock.mode()).isEqualTo(MailerStats.Mode.MOCK);
            assertThat(mock.sends(SendOutcome.DELIVERED)).isEqualTo(1);
            assertThat(mock.latency().count()).isZero();
            assertThat(mock.server()).isNull();
        }
    }

    private static Mail mail(String to) {
        return Mail.builder().to(to).subject("Stats").text("Counted once.").build();
    }

    private static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = FakeServerSettings.of(FakeServerSettings.DEFAULT_MAILER, server);
        p.put("mailwire.mailer.transactional", "never");
        p.put("mailwire.mailer.alerts.mock", "true");
        p.put("mailwire.mailer.alerts.from", "alerts@example.org");
        return p;
    }
}
