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

/** A server that accepts TCP and never says a word: the read timeout ends the wait, no thread stays in I/O. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SilentServerTimesOutTest {

    @Test
    void failsWithinTheReadTimeout() {
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(Faults.silent()).start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT1S", "PT10S")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SendTimeoutException.class)
                    .hasMessageContaining("read-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
            assertThat(SocketThreads.clientThreadsInSocketIo()).isEmpty();
        }
    }
}
