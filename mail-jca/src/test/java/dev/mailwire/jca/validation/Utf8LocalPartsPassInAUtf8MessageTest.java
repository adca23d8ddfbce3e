package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A non-ASCII local part passes in a message written as UTF-8 (RFC 6532) and is written whole: even U+560A, whose
 * low byte is LF (CVE-2025-7962), goes out as its three UTF-8 octets. The same address in an ASCII message is refused,
 * naming SMTPUTF8, and a header line is measured in the octets UTF-8 writes.
 */
class Utf8LocalPartsPassInAUtf8MessageTest {

    private static final String CJK = "a\u560a@x.org";

    @Test
    void passesAndIsWrittenWhole() throws Exception {
        MimeMessage message = Messages.valid(true);
        message.setRecipient(RecipientType.TO, new InternetAddress(CJK));

        MessageValidator.validate(Messages.MAILER, message, new Address[] {new InternetAddress(CJK)});

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String written = out.toString(StandardCharsets.ISO_8859_1);
        String headers = written.substring(0, written.indexOf("\r\n\r\n"));
        assertThat(headers)
                .contains("To: a\u00e5\u0098\u008a@x.org\r\n") // E5 98 8A, read back one char per byte
                .contains("From: j\u00c3\u00b6rg@example.test\r\n")
                .doesNotContain("\n\r", "a\n@");
        assertThat(headers.replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void refusedInAnAsciiMessage() throws Exception {
        MimeMessage message = Messages.valid(false);

        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class,
                () -> MessageValidator.validate(
                        Messages.MAILER, message, new Address[] {new InternetAddress("j\u00f6rg@example.test")}));

        assertThat(e.field()).isEqualTo("recipient");
        assertThat(e.getMessage()).contains("U+00F6", "local part", "SMTPUTF8");
    }

    @Test
    void lineLengthCountedInOctets() throws Exception {
        MimeMessage message = Messages.valid(true);
        // 600 characters, 1,200 octets in UTF-8: over the 998 a line may hold.
        message.setHeader("To", "\u00f6".repeat(600) + "@x.org");

        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class, () -> MessageValidator.validate(Messages.MAILER, message, null));

        assertThat(e.field()).isEqualTo("to");
        assertThat(e.getMessage()).contains("MWJCA-204");
    }
}
