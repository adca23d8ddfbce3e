package dev.mailwire.it.reliability.throttling;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.Mail;
import dev.mailwire.MailRejectedException;
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
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code 550 5.1.1} on RCPT and {@code 554 5.7.1} after the final dot end a mail's delivery to that recipient at
 * once: through the outbox the entry is dead-lettered after one attempt and the server never hears of it again
 * (watched for 15 back-off periods), and a send outside a transaction reports the rejection without retrying.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PermanentRejectionsNeverRetriedTest {

    @Test
    void fiveHundredsAreNeverRetried() throws Exception {
        Section report = Report.section("4d-rejections", "Throttling: 5xx replies");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_rejected");
        RecipientScript script = new RecipientScript(
                (address, n) -> address.startsWith("gone") ? Action.reply(550, "5.1.1 No such user") : null);
        Behaviour spam = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                return m.recipients().contains("spam@example.test")
                        ? Action.reply(554, "5.7.1 Message refused as spam")
                        : Action.proceed();
            }
        };
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(script.and(spam)).start();
                AgroalDataSource db = Databases.postgres()) {
            OutboxLedger ledger;
            Throwable immediate;
            long deliveredOutcomes;
            try (App app = App.start(MailerSettings.fake(server).outbox(table), db)) {
                for (List<String> to : List.of(
                        List.of("gone@example.test"),
                        List.of("spam@example.test"),
                        List.of("ok@example.test", "gone-too@example.test"))) {
                    Mail mail = Mail.builder()
                            .to(to.toArray(String[]::new))
                            .subject("5xx")
                            .text("t")
                            .build();
                    Jta.inTransaction(() -> app.mailer().send(mail));
                }
                List<MailOutcome> outcomes = app.outcomes().await(3, Duration.ofSeconds(30));
                Thread.sleep(3000); // 15 initial back-offs (0.2 s): a retry would have come by now
                ledger = OutboxLedger.read(db, table);
                deliveredOutcomes =
                        outcomes.stream().filter(MailOutcome::delivered).count();
                immediate = catchThrowableOfType(
                        MailRejectedException.class,
                        () -> app.mailer()
                                .send(Mail.builder()
                                        .to("gone-now@example.test")
                                        .subject("5xx now")
                                        .text("t")
                                        .build()));
                Thread.sleep(1000);
                if (immediate != null) {
                    audit.exception(immediate);
                }
                audit.health(app.monitor().stats());
            } finally {
                Databases.drop(db, table);
            }
            long retried = script.arrivals("gone@example.test").size()
                    - 1
                    + script.arrivals("gone-too@example.test").size()
                    - 1
                    + script.arrivals("gone-now@example.test").size()
                    - 1
                    + server.messages().stream()
                            .filter(m -> m.recipients().contains("spam@example.test"))
                            .count()
                    - 1
                    + script.arrivals("ok@example.test").size()
                    - 1;

            report.zero(
                            "5xx replies retried",
                            retried,
                            "RCPTs (550) and messages (554) the server saw again for "
                                    + "one mail, over 3 s = 15 initial back-offs; plus one send outside a transaction")
                    .zero("outcomes reported delivered", deliveredOutcomes, "of the 3 rejected mails")
                    .exactly("attempts per dead-lettered entry", ledger.maxAttempts(), 1, "outbox `attempts`, the most")
                    .exactly("dead-lettered", ledger.count("DEAD"), 3, "outbox rows in state DEAD, of 3")
                    .asserted(
                            "a 550 outside a transaction",
                            immediate == null
                                    ? "nothing thrown"
                                    : immediate.getClass().getSimpleName(),
                            immediate != null,
                            "`MailRejectedException`",
                            "what `send` threw")
                    .count(Matrix.RETRIED_5XX, retried);
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }
}
