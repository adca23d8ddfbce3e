package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Transcript;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No AUTH byte crosses before TLS is up, and PLAIN (one round trip) is preferred over LOGIN. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthOnlyAfterTlsTest {

    @Test
    void authPlainOverTlsOnly() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .authBeforeTls(true)
                        .user(FakeServerMailer.USER, FakeServerMailer.PASSWORD)
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThat(mailer.send(FakeServerMailer.message("hello")).allDelivered())
                    .isTrue();

            Transcript t = server.transcript(0);
            assertThat(t.commandsBeforeTls()).noneMatch(c -> c.toUpperCase().startsWith("AUTH"));
            assertThat(t.commandsOverTls()).anyMatch(c -> c.toUpperCase().startsWith("AUTH PLAIN"));
            assertThat(t.authIdentities()).containsExactly(FakeServerMailer.USER);
        }
    }
}
