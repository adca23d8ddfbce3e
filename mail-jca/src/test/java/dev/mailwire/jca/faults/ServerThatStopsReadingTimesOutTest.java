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
 * A server that stops reading after DATA: the client's write blocks once the socket buffers fill, and the write
 * timeout (read-timeout) ends it; the connection is destroyed, no thread stays in I/O.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerThatStopsReadingTimesOutTest {

    @Test
    void blockedWriteEndsWithinItsBound() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .receiveBufferSize(4096)
                        .behaviour(Faults.stopReadingDuringData())
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server, "PT1S", "PT10S")) {
            String big = "x".repeat(76) + "\r\n";
            String body = big.repeat(8 * 1024 * 1024 / big.length()); // 8 MB: far beyond any socket buffer
            long start = System.nanoTime();
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message(body)))
                    .isInstanceOf(SendTimeoutException.class)
                    .hasMessageContaining("read-timeout");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(6));
            assertThat(mailer.pool.stats().inUse()).isZero();
            assertThat(mailer.pool.stats().connectionErrors()).isEqualTo(1);
            assertThat(SocketThreads.clientThreadsInSocketIo()).isEmpty();
        }
    }
}
