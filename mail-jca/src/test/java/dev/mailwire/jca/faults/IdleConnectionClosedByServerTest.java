package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server closes an idle pooled connection, with a 421 or without a word: the next send succeeds on a fresh
 * connection and the caller sees no error; the dead connection was closed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdleConnectionClosedByServerTest {

    @Test
    void plainCloseAfterAMessage() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.closeAfterMessages(1))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThat(mailer.send(FakeServerMailer.message("first")).allDelivered())
                    .isTrue();
            Thread.sleep(300); // the server closes its end right after its 250

            SendResult second = mailer.send(FakeServerMailer.message("second"));

            assertThat(second.allDelivered()).isTrue();
            assertThat(server.messages()).hasSize(2);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(mailer.pool.stats().connectionErrors()).isZero();
        }
    }

    @Test
    void fourTwentyOneAfterIdleTimeout() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .idleTimeout(Duration.ofMillis(300))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThat(mailer.send(FakeServerMailer.message("first")).allDelivered())
                    .isTrue();
            server.awaitNoOpenConnections(Duration.ofSeconds(5));

            SendResult second = mailer.send(FakeServerMailer.message("second"));

            assertThat(second.allDelivered()).isTrue();
            assertThat(server.messages()).hasSize(2);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(server.openConnections()).isLessThanOrEqualTo(1);
        }
    }
}
