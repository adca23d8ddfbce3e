package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.NewsAddress;
import org.junit.jupiter.api.Test;

/** RFC 5322 requires a From; SMTP needs a recipient; only Internet addresses go into RCPT TO. */
class SenderAndRecipientRequiredTest {

    @Test
    void missingFrom() throws Exception {
        MimeMessage message = Messages.valid();
        message.removeHeader("From");

        assertThatThrownBy(() -> MessageValidator.validate("m", message, null))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void noRecipient() throws Exception {
        MimeMessage message = Messages.valid();
        message.setRecipients(RecipientType.TO, (Address[]) null);

        assertThatThrownBy(() -> MessageValidator.validate("m", message, null))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("recipient"));
    }

    @Test
    void onlyAnEmptyGroup() throws Exception {
        MimeMessage message = Messages.valid();
        message.setHeader("To", "undisclosed-recipients:;");

        assertThatThrownBy(() -> MessageValidator.validate("m", message, null))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("recipient"));
    }

    @Test
    void newsAddressInEnvelope() throws Exception {
        MimeMessage message = Messages.valid();

        assertThatThrownBy(() -> MessageValidator.validate("m", message, new Address[] {new NewsAddress("comp.lang")}))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("recipient"))
                .hasMessageContaining("not an Internet address");
    }
}
