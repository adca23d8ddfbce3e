package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail sent in a transaction that commits is delivered once to each recipient, after the commit, with the
 * Message-ID that {@code send} reported; the sweeper never sends it again.
 */
@Timeout(60)
class CommitDeliversExactlyOnceTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    @Test
    void deliveredOnceAfterCommitWithTheReportedMessageId() throws Exception {
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            Mailer mailer = app.mailer();
            Mail mail = Mail.builder()
                    .to(SERVERS.postfix().address("ada"), SERVERS.postfix().address("bob"))
                    .subject("order 1")
                    .text("Thanks")
                    .build();

            SendResult result = Jta.inTransaction(() -> {
                SendResult held = mailer.send(mail);
                // Nothing may leave before the commit.
                assertThat(SERVERS.postfix().log().connections()).isZero();
                return held;
            });

            assertThat(result.isDeferred()).isTrue();
            assertThat(result.deferral().durable()).isTrue();
            assertThat(result.deferral().outboxEntry()).isNotBlank();
            assertThat(result.recipients())
                    .extracting(RecipientResult::status)
                    .containsOnly(RecipientResult.Status.QUEUED);

            List<DeliveredMessage> delivered = SERVERS.postfix().awaitDelivered(2, Duration.ofSeconds(20));
            assertThat(delivered).extracting(m -> m.messageId().orElseThrow()).containsOnly(result.messageId());
            MailOutcome outcome =
                    app.outcomes().await(1, Duration.ofSeconds(10)).get(0);
            assertThat(outcome.outcome()).isEqualTo(MailOutcome.Outcome.DELIVERED);
            assertThat(outcome.outboxEntry()).isEqualTo(result.deferral().outboxEntry());
            assertThat(outcome.attempts()).isEqualTo(1);

            Thread.sleep(1000); // five poll intervals: a sweeper that resent it would show now
            assertThat(SERVERS.postfix().delivered()).hasSize(2);
            assertThat(SERVERS.postfix().log().sessions().stream()
                            .mapToInt(s -> s.messages())
                            .sum())
                    .isEqualTo(1);
            assertThat(Databases.count(
                            SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox WHERE state = 'SENT'"))
                    .isEqualTo(1);
        }
    }
}
