package dev.mailwire.it.reliability.throttling;

import dev.mailwire.Mail;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.Databases;
import dev.mailwire.it.reliability.support.Jta;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import io.agroal.api.AgroalDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recipients answered {@code 452 4.2.2} (three times) and {@code 451 4.3.0} (twice) before they are accepted, on mail
 * sent inside transactions to a PostgreSQL outbox: each is retried until accepted, every wait at least the back-off
 * (initial × 2^(n−1), capped, less at most half of jitter), only the recipients still pending, with the same
 * Message-ID; a recipient that accepted the mail never gets it again.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DeferredRecipientsRetriedWithBackOffTest {

    private static final long INITIAL_MS = 400;
    private static final long MAX_MS = 3000;
    private static final int MAILS = 3;

    @Test
    void fourHundredsAreRetriedWithBackOff() throws Exception {
        Section report = Report.section("4c-deferrals", "Throttling: 452 and 451 on RCPT");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_deferred");
        RecipientScript script = new RecipientScript((address, n) -> address.startsWith("full") && n <= 3
                ? Action.reply(452, "4.2.2 Mailbox full, try later")
                : address.startsWith("busy") && n <= 2 ? Action.reply(451, "4.3.0 Local error, try later") : null);
        try (FakeSmtpServer server = FakeSmtpServer.builder().behaviour(script).start();
                AgroalDataSource db = Databases.postgres()) {
            MailerSettings settings = MailerSettings.fake(server)
                    .outbox(table)
                    .set("outbox.initial-backoff", "PT" + INITIAL_MS / 1000.0 + "S")
                    .set("outbox.max-backoff", "PT" + MAX_MS / 1000.0 + "S")
                    .set("outbox.poll-interval", "PT0.1S");
            List<String> ids = new ArrayList<>();
            long delivered;
            try (App app = App.start(settings, db)) {
                for (int i = 0; i < MAILS; i++) {
                    Mail mail = Mail.builder()
                            .to(
                                    "ok-" + i + "@example.test",
                                    "full-" + i + "@example.test",
                                    "busy-" + i + "@example.test")
                            .subject("deferred " + i)
                            .text("t")
                            .build();
                    ids.add(Jta.inTransaction(() -> app.mailer().send(mail)).messageId());
                }
                List<MailOutcome> outcomes = app.outcomes().await(MAILS, java.time.Duration.ofSeconds(60));
                delivered = outcomes.stream().filter(MailOutcome::delivered).count();
                audit.health(app.monitor().stats());
            } finally {
                Databases.drop(db, table);
            }
            long retries = 0, early = 0, okResent = 0;
            long shortest = Long.MAX_VALUE;
            for (int i = 0; i < MAILS; i++) {
                okResent += script.arrivals("ok-" + i + "@example.test").size() - 1;
                for (String a : List.of("full-" + i + "@example.test", "busy-" + i + "@example.test")) {
                    List<Long> t = script.arrivals(a);
                    for (int n = 1; n < t.size(); n++) {
                        long gap = (t.get(n) - t.get(n - 1)) / 1_000_000;
                        long nominal = Math.min(MAX_MS, INITIAL_MS << (n - 1));
                        retries++;
                        early += gap < nominal / 2 ? 1 : 0;
                        shortest = Math.min(shortest, gap - nominal / 2);
                    }
                }
            }
            List<String> copiesIds = server.messages().stream()
                    .map(m -> m.messageId().orElse(""))
                    .toList();
            long strangers = copiesIds.stream().filter(id -> !ids.contains(id)).count();

            long bare = server.messages().stream()
                    .filter(ReceivedMessage::bareLineEndings)
                    .count();

            report.exactly(
                            "mails reported delivered",
                            delivered,
                            MAILS,
                            "outcomes the outbox reported within 60 s, each to an accepted, a 452'd and a 451'd "
                                    + "recipient")
                    .exactly(
                            "4xx retries",
                            retries,
                            MAILS * (3L + 2L),
                            "RCPT commands the server saw again after 452/451, per recipient; bound: 3 per 452'd and 2 "
                                    + "per 451'd recipient")
                    .zero(
                            "retries sooner than the back-off",
                            early,
                            "gap between two RCPTs of one recipient " + "< half of " + INITIAL_MS
                                    + " ms × 2^(n−1) (capped at " + MAX_MS + " ms)")
                    .measured("smallest margin over the back-off", shortest + " ms", "gap − minimum allowed gap")
                    .zero("accepted recipients sent the mail again", okResent, "RCPTs of the accepted recipient")
                    .zero("copies with another Message-ID", strangers, "Message-ID of every message received")
                    .zero("messages with a bare CR or LF", bare, "DATA as received")
                    .count(Matrix.RETRIED_4XX, retries)
                    .count(Matrix.UNBACKED_4XX, early + okResent + strangers);
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }
}
