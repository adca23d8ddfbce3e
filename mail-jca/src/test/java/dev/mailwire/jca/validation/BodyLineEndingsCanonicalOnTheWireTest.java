package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * SMTP smuggling needs a bare CR or LF, or an early {@code CRLF.CRLF}, to reach the server inside DATA. Angus
 * writes DATA through {@link SMTPOutputStream} (SMTPTransport.data() and BDAT both wrap it), whose CRLFOutputStream
 * turns every bare CR and bare LF into CRLF and which dot-stuffs each line; so the validator need not scan bodies.
 */
class BodyLineEndingsCanonicalOnTheWireTest {

    @Test
    void bareLineBreaksAndDotsCannotEndData() throws Exception {
        MimeMessage message = Messages.valid();
        message.setText("one\n.\ntwo\r.\rthree\r\n.\r\nfour\n\r.\n\rMAIL FROM:<evil@x.org>", "US-ASCII");
        message.saveChanges();

        String wire = throughDataStream(message);

        assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n");
        String body = wire.substring(wire.indexOf("\r\n\r\n") + 4);
        assertThat(body).doesNotContain("\r\n.\r\n").startsWith("one\r\n..\r\ntwo\r\n..\r\nthree\r\n..\r\n");
    }

    private static String throughDataStream(MimeMessage message) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        SMTPOutputStream data = new SMTPOutputStream(wire);
        message.writeTo(data);
        data.flush();
        return wire.toString(StandardCharsets.ISO_8859_1);
    }
}
