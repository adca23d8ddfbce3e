package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.MailRejectedException;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: the server refuses a mail's content with 554 in its reply to a final dot that went out with the next
 * envelope. That reply is the refused mail's alone: its future fails with {@link MailRejectedException} (554 for its
 * recipient, REJECTED), as a plain send would throw; the next mail, already on its way, is delivered on the same
 * connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldDotRefusedFailsOnlyItsMailTest {

    @Test
    void refusedMailFailsNextIsDelivered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(FinalDotOfOneMail.answered(
                                "refused content", Action.reply(554, "5.7.1 Message content rejected")))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            CompletableFuture<SendResult> first;
            SendResult next;
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage refused = FakeServerMailer.message("refused content");
                first = c.sendBeforeNext(refused, FakeServerMailer.recipients(refused));
                assertThat(first)
                        .as("the reply to its dot is read with the next mail's")
                        .isNotDone();

                next = c.send(FakeServerMailer.message("next mail"));
                assertThat(first).isDone();
            }

            assertThat(first).isCompletedExceptionally();
            assertThat(first.handle((result, failure) -> failure).get())
                    .isInstanceOfSatisfying(
                            MailRejectedException.class,
                            e -> assertThat(e.result().recipients())
                                    .singleElement()
                                    .satisfies(r -> {
                                        assertThat(r.address()).isEqualTo("alice@example.test");
                                        assertThat(r.status()).isEqualTo(RecipientResult.Status.REJECTED);
                                        assertThat(r.code()).isEqualTo(554);
                                    }));
            assertThat(next.allDelivered()).as(next.toString()).isTrue();
            assertThat(server.messages())
                    .extracting(m -> m.text().contains("next mail"))
                    .containsExactly(false, true);
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(mailer.pool.stats().destroyed()).isZero();
        }
    }
}
