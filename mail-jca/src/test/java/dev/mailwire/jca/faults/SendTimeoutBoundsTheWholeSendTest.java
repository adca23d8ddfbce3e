package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SendTimeoutException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pooled connection whose server turns slow (a reply trickling byte by byte) times out once: send-timeout bounds
 * the caller's wait, and a timeout is not retried on a fresh connection, which would double it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendTimeoutBoundsTheWholeSendTest {

    @Test
    void slowServerIsNotRetried() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT1S", "PT2S")) {
            assertThat(mailer.send(FakeServerMailer.message("fast")).allDelivered())
                    .isTrue();
            server.behaviour(Faults.trickle(Duration.ofMillis(400)));

            long start = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("slow")))
                    .isInstanceOf(SendTimeoutException.class)
                    .hasMessageContaining("send-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofMillis(3500));
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }
}
