package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that refuses connections (421 at the greeting) is not hammered: callers sending in a tight loop for a
 * second mostly fail at once without connecting, the server sees a handful of attempts (back-off windows of 100,
 * 200, 400, 800 ms), and sending works again once the server accepts.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefusedConnectsBackOffTest {

    @Test
    void attemptsWithinTheWindowDoNotConnect() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.greeting(421, "4.7.0 Too many connections"))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            int calls = 0;
            int failedFast = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                calls++;
                try {
                    mailer.send(FakeServerMailer.message("again"));
                } catch (SmtpConnectionException e) {
                    if (e.getMessage().contains("since the last attempt failed")) {
                        failedFast++;
                    }
                }
            }
            String seen = calls + " calls, " + failedFast + " failed fast, " + server.connectionCount() + " connects";
            // 100 + 200 + 400 + 800 ms of windows: at most five attempts fit in one second (six with a slow clock).
            assertThat(server.connectionCount()).as(seen).isBetween(1, 6);
            assertThat(failedFast)
                    .as(seen)
                    .isEqualTo(calls - server.connectionCount())
                    .isPositive();

            server.behaviour(Behaviour.NORMAL);
            assertThat(sendOnceTheWindowCloses(mailer).allDelivered()).isTrue();
        }
    }

    private static SendResult sendOnceTheWindowCloses(FakeServerMailer mailer) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return mailer.send(FakeServerMailer.message("recovered"));
            } catch (SmtpConnectionException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
