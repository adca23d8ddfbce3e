package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpTlsException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * tls=STARTTLS against a server that does not offer STARTTLS, or whose offer a man in the middle stripped: the send
 * fails closed, and the server hears no AUTH and no MAIL FROM.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartTlsMissingFailsClosedTest {

    @Test
    void serverWithoutStartTls() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .startTls(false)
                        .requireTls(false)
                        .authBeforeTls(true)
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SmtpTlsException.class)
                    .hasMessageContaining("did not offer STARTTLS")
                    .hasMessageNotContaining(FakeServerMailer.PASSWORD);
            NothingBeyondTls.assertNoAuthAndNoMail(server);
        }
    }

    @Test
    void strippedStartTlsOffer() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .requireTls(false)
                        .authBeforeTls(true)
                        .behaviour(Faults.stripStartTls())
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SmtpTlsException.class)
                    .hasMessageContaining("did not offer STARTTLS");
            NothingBeyondTls.assertNoAuthAndNoMail(server);
        }
    }
}
