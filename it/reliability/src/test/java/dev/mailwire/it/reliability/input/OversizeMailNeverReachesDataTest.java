package dev.mailwire.it.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.Attachment;
import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.Databases;
import dev.mailwire.it.reliability.support.Jta;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.OutboxLedger;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mail larger than the server's SIZE (RFC 1870) never gets to DATA: at once it fails with
 * {@link InvalidMailException}; through the outbox it is dead-lettered after one attempt, never retried; and one
 * larger than Mailwire's own max-message-size is refused at send, before a connection is even borrowed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OversizeMailNeverReachesDataTest {

    private static final int SERVER_SIZE = 20_000;

    @Test
    void oversizeIsRefusedBeforeData() throws Exception {
        Section report = Report.section("6c-oversize", "Hostile input: oversize mail against SIZE");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_oversize");
        Mail big = Mail.builder()
                .to("ada@example.test")
                .subject("big")
                .text("t")
                .attachment(Attachment.of("big.bin", "application/octet-stream", new byte[100_000]))
                .build();
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().sizeLimit(SERVER_SIZE).start();
                AgroalDataSource db = Databases.postgres()) {
            Throwable atOnce, overConfigured;
            OutboxLedger ledger;
            try (App app =
                    App.start(MailerSettings.fake(server).outbox(table).set("max-message-size", "1000000"), db)) {
                atOnce = catchThrowable(() -> app.mailer().send(big));
                Jta.inTransaction(() -> app.mailer().send(big));
                List<MailOutcome> outcomes = app.outcomes().await(1, Duration.ofSeconds(30));
                assertThat(outcomes.get(0).delivered()).isFalse();
                Thread.sleep(2000); // ten initial back-offs: a retry would have come
                ledger = OutboxLedger.read(db, table);
            } finally {
                Databases.drop(db, table);
            }
            int connections = server.connectionCount();
            try (App app = App.start(MailerSettings.fake(server).set("max-message-size", "50000"), null)) {
                overConfigured = catchThrowable(() -> app.mailer().send(big));
            }
            audit.exception(atOnce);
            audit.exception(overConfigured);
            int data = server.commandCount("DATA");

            report.figure(
                            "DATA commands for mail over SIZE " + SERVER_SIZE,
                            data,
                            "a 100 KB mail sent at once and " + "through the outbox; the fake server's command count")
                    .figure("at once", atOnce.getClass().getSimpleName(), "what `send` threw")
                    .figure(
                            "through the outbox",
                            ledger.count("DEAD") + " dead-lettered after " + ledger.maxAttempts() + " attempt(s)",
                            "outbox row, 2 s (10 back-offs) later")
                    .figure(
                            "over max-message-size 50000",
                            overConfigured.getClass().getSimpleName() + ", " + (server.connectionCount() - connections)
                                    + " connections",
                            "refused at send")
                    .count(Matrix.RETRIED_5XX, ledger.maxAttempts() - 1L)
                    .count(Matrix.INJECTED_LINES, data)
                    .count(Matrix.CREDENTIAL_LEAKS, audit.leaks().size());
            Report.write(report);

            assertThat(atOnce).isInstanceOf(InvalidMailException.class);
            assertThat(data).as("DATA commands").isZero();
            assertThat(server.messages()).isEmpty();
            assertThat(ledger.count("DEAD")).isEqualTo(1);
            assertThat(ledger.maxAttempts()).isEqualTo(1);
            assertThat(overConfigured).isInstanceOf(InvalidMailException.class);
            assertThat(server.connectionCount())
                    .as("no connection for mail over max-message-size")
                    .isEqualTo(connections);
            assertThat(audit.leaks()).isEmpty();
        }
    }
}
