package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 5xx reply dead-letters at once and is never retried; the state is per recipient, so a recipient the server
 * accepted is not sent the mail again, not even when an operator requeues the dead letter. Postfix itself answers
 * {@code 550 5.1.1} for the local part {@code rejected}, and counts each refusal in its log.
 */
@Timeout(60)
class PermanentReplyDeadLettersTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    @Test
    void rejectedRecipientIsDeadLetteredAndNeverRetried() throws Exception {
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            Mailer mailer = app.mailer();
            Mail mail = Mail.builder()
                    .to(SERVERS.postfix().address("ada"), SERVERS.postfix().address("rejected"))
                    .subject("half refused")
                    .text("t")
                    .build();
            SendResult held = Jta.inTransaction(() -> mailer.send(mail));

            MailOutcome outcome =
                    app.outcomes().await(1, Duration.ofSeconds(20)).get(0);
            assertThat(outcome.outcome()).isEqualTo(MailOutcome.Outcome.DEAD_LETTERED);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.recipients())
                    .extracting(RecipientResult::status, RecipientResult::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(RecipientResult.Status.DELIVERED, 250),
                            org.assertj.core.groups.Tuple.tuple(RecipientResult.Status.REJECTED, 550));
            Thread.sleep(1000); // five poll intervals: a retry would show in the server's log
            assertThat(refusals()).hasSize(1);
            assertThat(SERVERS.postfix().delivered()).hasSize(1);

            OutboxAdmin admin = new OutboxAdmin(SERVERS.dataSource());
            OutboxEntry dead = admin.deadLetters(10).get(0);
            assertThat(dead.id()).isEqualTo(held.deferral().outboxEntry());
            assertThat(dead.recipients())
                    .extracting(RecipientState::status)
                    .containsExactly(RecipientState.Status.DELIVERED, RecipientState.Status.REJECTED);

            // An operator requeues it: only the refused recipient is tried again (and refused again).
            assertThat(admin.requeue(dead.id())).isTrue();
            app.outcomes().await(2, Duration.ofSeconds(20));
            assertThat(refusals()).hasSize(2);
            assertThat(SERVERS.postfix().delivered()).hasSize(1);
            assertThat(admin.backlog().dead()).isEqualTo(1);
        }
    }

    private static List<String> refusals() {
        return SERVERS.postfix().log().sessions().stream()
                .flatMap((SmtpSession s) -> s.rejections().stream())
                .toList();
    }
}
