package dev.mailwire.it.reliability.duplicates;

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
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults at every step of a transactional send, each striking every mail of its kind once: the connection dropped
 * at RCPT, {@code 421 4.7.0} and a hang-up at RCPT, the connection dropped at DATA, and the final dot never answered.
 * Every mail is delivered in the end; only the mails whose final dot went unanswered arrive twice, exactly once more
 * each, with their original Message-ID.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnansweredFinalDotIsTheOnlyDuplicateTest {

    private static final List<String> KINDS = List.of("drop", "busy", "nodata", "dot", "ok");
    private static final int PER_KIND = 6;

    @Test
    void onlyFaultsAfterTheDotDuplicate() throws Exception {
        Section report = Report.section("2b-final-dot", "Duplicates: faults before and after the final dot");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_dot");
        FaultOncePerMail faults = new FaultOncePerMail();
        try (FakeSmtpServer server = FakeSmtpServer.builder().behaviour(faults).start();
                AgroalDataSource db = Databases.postgres()) {
            Map<String, String> kindById = new HashMap<>();
            long delivered;
            try (App app = App.start(MailerSettings.fake(server).outbox(table), db)) {
                for (String kind : KINDS) {
                    for (int i = 0; i < PER_KIND; i++) {
                        Mail mail = Mail.builder()
                                .to(kind + "-" + i + "@example.test")
                                .subject(kind)
                                .text("t")
                                .build();
                        kindById.put(
                                Jta.inTransaction(() -> app.mailer().send(mail)).messageId(), kind);
                    }
                }
                List<MailOutcome> outcomes = app.outcomes().await(kindById.size(), Duration.ofSeconds(60));
                delivered = outcomes.stream().filter(MailOutcome::delivered).count();
                audit.health(app.monitor().stats());
            } finally {
                Databases.drop(db, table);
            }
            Map<String, Integer> copies = new HashMap<>();
            for (ReceivedMessage m : server.messages()) {
                copies.merge(m.messageId().orElse("?"), 1, Integer::sum);
            }
            long duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
            long wrong = copies.entrySet().stream()
                    .filter(e -> !kindById.containsKey(e.getKey())
                            || e.getValue() != (kindById.get(e.getKey()).equals("dot") ? 2 : 1))
                    .count();

            int retried4xx = faults.retriesOf("busy");

            report.measured(
                            "mails",
                            kindById.size(),
                            PER_KIND + " each: dropped at RCPT, 421 at RCPT, dropped at "
                                    + "DATA, final dot unanswered (read-timeout 1 s), no fault; PostgreSQL outbox")
                    .exactly(
                            "reported delivered",
                            delivered,
                            kindById.size(),
                            "outcomes the outbox reported within 60 s: every mail, whatever its fault")
                    .exactly(
                            "duplicates",
                            duplicates,
                            PER_KIND,
                            "messages the server read to the final dot, beyond one per Message-ID; bound: one per "
                                    + "mail whose final dot went unanswered")
                    .zero(
                            "Message-IDs with another number of copies",
                            wrong,
                            "every Message-ID must arrive twice if its dot went unanswered, once otherwise, and be one "
                                    + "the application committed")
                    .exactly(
                            "421 replies retried",
                            retried4xx,
                            PER_KIND,
                            "RCPTs the server saw again for a recipient it had answered 421 4.7.0; bound: each of the "
                                    + PER_KIND + " once")
                    .count(Matrix.DUPLICATES, duplicates)
                    .count(Matrix.UNEXPLAINED_DUPLICATES, wrong)
                    .count(Matrix.RETRIED_4XX, retried4xx);
            audit.report(report);
            Report.write(report);
            report.verify();
        }
    }
}
