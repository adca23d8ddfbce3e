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
            if (atOnce != null) {
                audit.exception(atOnce);
            }
            if (overConfigured != null) {
                audit.exception(overConfigured);
            }
            int data = server.commandCount("DATA");

            int overConfiguredConnections = server.connectionCount() - connections;
            report.zero(
                            "DATA commands for mail over SIZE " + SERVER_SIZE,
                            data,
                            "a 100 KB mail sent at once and " + "through the outbox; the fake server's command count")
                    .zero("messages received", server.messages().size(), "the fake server's messages")
                    .asserted(
                            "at once",
                            atOnce == null
                                    ? "nothing thrown"
                                    : atOnce.getClass().getSimpleName(),
                            atOnce instanceof InvalidMailException,
                            "`InvalidMailException`",
                            "what `send` threw")
                    .exactly("through the outbox: dead-lettered", ledger.count("DEAD"), 1, "outbox rows in state DEAD")
                    .exactly(
                            "through the outbox: attempts",
                            ledger.maxAttempts(),
                            1,
                            "outbox `attempts`, 2 s (10 back-offs) after the outcome")
                    .asserted(
                            "over max-message-size 50000",
                            overConfigured == null
                                    ? "nothing thrown"
                                    : overConfigured.getClass().getSimpleName(),
                            overConfigured instanceof InvalidMailException,
                            "`InvalidMailException`",
                            "what `send` threw")
                    .zero(
                            "connections for mail over max-message-size",
                            overConfiguredConnections,
                            "the fake server's connection count: refused at send, before a connection is borrowed")
                    .count(Matrix.RETRIED_5XX, ledger.maxAttempts() - 1L)
                    .count(Matrix.INJECTED_LINES, data);
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }
}
