package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SmtpConnectionException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A throttling server that accepts TCP, TLS and AUTH but answers MAIL FROM with 421 is backed off like one that
 * refuses at the greeting: callers in a tight loop for a second make a handful of connections, not hundreds.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefusedAtMailFromBacksOffTest {

    @Test
    void noReconnectLoop() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.replyAndClose("MAIL", 421, "4.7.0 Too many connections, try later"))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            int calls = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                calls++;
                try {
                    mailer.send(FakeServerMailer.message("throttled"));
                } catch (SmtpConnectionException expected) {
                    // refused by the server, or at once while backing off
                }
            }
            String seen = calls + " calls, " + server.connectionCount() + " connects";
            // 100 + 200 + 400 + 800 ms of windows: at most five attempts fit in one second (six with a slow clock).
            assertThat(server.connectionCount()).as(seen).isBetween(1, 6);
            assertThat(calls).as(seen).isGreaterThan(server.connectionCount());
            assertThat(server.messages()).isEmpty();
        }
    }
}
