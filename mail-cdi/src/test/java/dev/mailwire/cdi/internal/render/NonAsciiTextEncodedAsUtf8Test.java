package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Non-ASCII subject, display names, body and file names reach the receiver intact, whatever the platform charset:
 * MIME-encoded as UTF-8, never raw (a raw U+560A would lose its high byte on Angus's 8-bit header path).
 */
class NonAsciiTextEncodedAsUtf8Test {

    @Test
    void roundTrip() throws Exception {
        StableIdMessage rendered = Rendering.render(Rendering.mail()
                .to("Jörg 嘊 <j@example.org>")
                .subject("Grüße 嘊嘍")
                .text("Hällo 嘊")
                .attachment(Attachment.of("Rechnung für Jörg.pdf", "application/pdf", new byte[] {1}))
                .build());

        byte[] bytes = Rendering.bytes(rendered);
        for (byte b : bytes) {
            assertThat(b & 0xff).as("every byte on the wire is ASCII").isLessThan(0x80);
        }
        MimeMessage message = Rendering.received(rendered);
        assertThat(message.getSubject()).isEqualTo("Grüße 嘊嘍");
        assertThat(((InternetAddress) message.getAllRecipients()[1]).getPersonal())
                .isEqualTo("Jörg 嘊");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Hällo 嘊");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("Rechnung für Jörg.pdf");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).contains("filename*=UTF-8''Rechnung");
    }
}
