package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: a mail sent with {@code sendBeforeNext}, and the handle closed with no send after it. The pool's cleanup
 * sends the held dot and reads its reply: the mail is delivered, its future says so, and the connection, with
 * nothing left unread, goes back to the pool for the next send.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldDotReadWhenTheHandleClosesKeepsTheConnectionTest {

    @Test
    void closingTheHandleDeliversAndKeepsTheConnection() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            CompletableFuture<SendResult> held;
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage mail = FakeServerMailer.message("held until close");
                held = c.sendBeforeNext(mail, FakeServerMailer.recipients(mail));
                assertThat(held).isNotDone();
                assertThat(server.messages()).as("its dot waits in the client").isEmpty();
            }

            assertThat(held).isCompleted();
            assertThat(held.get().recipients()).singleElement().satisfies(r -> {
                assertThat(r.address()).isEqualTo("alice@example.test");
                assertThat(r.status()).isEqualTo(RecipientResult.Status.DELIVERED);
                assertThat(r.code()).isEqualTo(250);
            });
            assertThat(server.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
            assertThat(mailer.pool.stats().destroyed()).isZero();
            assertThat(mailer.pool.stats().idle()).isEqualTo(1);

            SendResult next = mailer.send(FakeServerMailer.message("next mail"));
            assertThat(next.allDelivered()).as(next.toString()).isTrue();
            assertThat(server.messages()).hasSize(2);
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }
}
