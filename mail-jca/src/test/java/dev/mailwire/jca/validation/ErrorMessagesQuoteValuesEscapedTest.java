package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** An error names the mailer, the field and the reason, and quotes the value escaped and cut short. */
class ErrorMessagesQuoteValuesEscapedTest {

    @Test
    void lineBreaksShownEscaped() {
        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class,
                () -> MessageValidator.checkHeaderValue("billing", "subject", "Hello\r\nBcc: evil@x.org"));

        assertThat(e.getMessage())
                .isEqualTo("MWJCA-202 Mailer 'billing': invalid subject \"Hello\\r\\nBcc: evil@x.org\":"
                        + " contains a carriage return (CR) at index 5. A value must not carry line breaks or control"
                        + " characters (they would start a new header): remove them.");
    }

    @Test
    void longValuesTruncated() {
        String value = "x".repeat(500) + "\n" + "secret-token".repeat(10);

        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class, () -> MessageValidator.checkHeaderValue("billing", "header X-Tag", value));

        assertThat(e.field()).isEqualTo("header X-Tag");
        assertThat(e.getMessage())
                .contains("line feed (LF) at index 500", "... (621 characters)")
                .doesNotContain("secret-token");
    }

    /** In a message written as ASCII, where Angus would send only the low byte of each character. */
    @Test
    void nonAsciiShownAsCodePoint() throws Exception {
        MimeMessage message = Messages.valid();
        message.setRecipient(RecipientType.TO, new InternetAddress("a\u560a@x.org"));
        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class, () -> MessageValidator.validate("billing", message, null));

        assertThat(e.getMessage()).contains("U+560A", "SMTPUTF8", "\"a\\u560a@x.org\"");
    }
}
