package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A username is configured but the server offers no AUTH: Angus would silently skip AUTH (and every mail would later
 * fail with 530); Mailwire refuses the connection at once and sends no mail.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthNotOfferedFailsClosedTest {

    @Test
    void noAuthMeansNoMail() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().authMechanisms().start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SmtpAuthenticationException.class)
                    .hasMessageContaining("does not offer AUTH")
                    .hasMessageNotContaining(FakeServerMailer.PASSWORD);
            assertThat(server.commandCount("MAIL")).isZero();
            assertThat(server.messages()).isEmpty();
        }
    }
}
