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
 * A server that sends one byte every half read-timeout: no single read ever times out, so only the overall
 * send-timeout ends the wait, by closing the socket.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TricklingServerHitsTheSendDeadlineTest {

    @Test
    void failsWithinTheSendTimeout() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.trickle(Duration.ofMillis(500)))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT1S", "PT3S")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SendTimeoutException.class)
                    .hasMessageContaining("send-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(6));
            assertThat(SocketThreads.clientThreadsInSocketIo()).isEmpty();
        }
    }
}
