package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpTlsException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A trusted certificate that names another host: hostname verification refuses it, the error names the host, and
 * nothing (no AUTH, no mail) is sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CertificateForAnotherHostIsRefusedTest {

    @Test
    void certificateNameMustMatchTheHost() {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .certificates(TestCertificates.otherHost())
                        .start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            assertThatThrownBy(() -> mailer.send(FakeServerMailer.message("hello")))
                    .isInstanceOf(SmtpTlsException.class)
                    .hasMessageContaining("host '" + server.host() + "'");
            NothingBeyondTls.assertNoAuthAndNoMail(server);
        }
    }
}
