package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.SendTimeoutException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.PoolStats;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: a mail sent with {@code sendBeforeNext} and then nothing, no next send and the handle kept open: its
 * dot never leaves, and its caller must not wait for ever. The send deadline, still armed, fails the future with
 * {@link SendTimeoutException} at send-timeout; the connection, its reply unread, is destroyed when the handle
 * comes back, and the next send goes out on a new one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldDotNobodyReadsFailsAtTheSendDeadlineTest {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(2);
    /** A scheduler's lateness and the socket close, on a shared machine. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    @Test
    void futureFailsAtTheDeadlineAndTheConnectionIsDropped() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT1S", SEND_TIMEOUT.toString())) {
            long start;
            CompletableFuture<SendResult> held;
            Duration failedAfter;
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage mail = FakeServerMailer.message("held, then nothing");
                start = System.nanoTime();
                held = c.sendBeforeNext(mail, FakeServerMailer.recipients(mail));
                assertThat(held).isNotDone();

                Throwable failure = held.handle((result, t) -> t)
                        .get(SEND_TIMEOUT.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
                failedAfter = Duration.ofNanos(System.nanoTime() - start);
                assertThat(failure)
                        .isInstanceOf(SendTimeoutException.class)
                        .hasMessageContaining("send-timeout")
                        .hasMessageContaining("may already have accepted the mail");
            }
            assertThat(failedAfter).isGreaterThanOrEqualTo(SEND_TIMEOUT.minusMillis(100));

            PoolStats afterClose = mailer.pool.stats();
            assertThat(afterClose.created()).isEqualTo(1);
            assertThat(afterClose.destroyed()).isEqualTo(1);
            assertThat(afterClose.idle()).isZero();

            SendResult next = mailer.send(FakeServerMailer.message("next mail"));
            assertThat(next.allDelivered()).as(next.toString()).isTrue();
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(mailer.pool.stats().created()).isEqualTo(2);
            // The held mail's dot never left: the server has its content but no end to it, so no mail.
            assertThat(server.messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("next mail"));
        }
    }
}
