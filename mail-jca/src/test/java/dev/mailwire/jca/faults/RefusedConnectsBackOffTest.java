package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpConnectionException;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that refuses connections (421 at the greeting) is not hammered: attempts right after a refusal fail at
 * once without connecting, and the next real attempt comes after the back-off window.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefusedConnectsBackOffTest {

    @Test
    void attemptsWithinTheWindowDoNotConnect() throws InterruptedException {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.greeting(421, "4.7.0 Too many connections"))
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("one")))
                    .isInstanceOf(SmtpConnectionException.class);
            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("again")))
                        .isInstanceOf(SmtpConnectionException.class)
                        .hasMessageContaining("since the last attempt failed");
            }
            assertThat(server.connectionCount()).isEqualTo(1);

            server.behaviour(Behaviour.NORMAL);
            Thread.sleep(250); // past the first window (100 ms)
            assertThat(mailer.send(FakeServerMailer.message("recovered")).allDelivered())
                    .isTrue();
            assertThat(server.connectionCount()).isEqualTo(2);
        }
    }
}
