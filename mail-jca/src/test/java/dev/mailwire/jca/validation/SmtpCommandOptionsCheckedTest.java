package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

/** An SMTPMessage's envelope sender, MAIL FROM extension and submitter go into SMTP commands: no line breaks. */
class SmtpCommandOptionsCheckedTest {

    @Test
    void envelopeFromWithCrlf() throws Exception {
        SMTPMessage message = message();
        message.setEnvelopeFrom("a@x.org>\r\nRCPT TO:<evil@y.org");

        assertThatThrownBy(() -> MessageValidator.validate("m", message, null))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("envelope from"));
    }

    @Test
    void mailExtensionWithCrlf() throws Exception {
        SMTPMessage message = message();
        message.setMailExtension("X-A=1\r\nRCPT TO:<evil@y.org>");

        assertThatThrownBy(() -> MessageValidator.validate("m", message, null))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("mail extension"));
    }

    @Test
    void plainOptionsPass() throws Exception {
        SMTPMessage message = message();
        message.setEnvelopeFrom("bounces@example.org");
        message.setMailExtension("X-A=1");

        assertThatNoException().isThrownBy(() -> MessageValidator.validate("m", message, null));
    }

    private static SMTPMessage message() throws Exception {
        SMTPMessage message = new SMTPMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setRecipient(RecipientType.TO, new InternetAddress("ada@example.org"));
        message.setText("Hi");
        return message;
    }
}
