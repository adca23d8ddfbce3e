package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MessageValidator;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The check of body line lengths reads a part's content only where a line could be too long: where the caller
 * declared an identity encoding. A streamed attachment sent in base64 is not read at all; one left to Angus is read
 * once, by Angus, to choose its encoding (as {@code Transport.send} always did), and not a second time by the check.
 */
class LineCheckReadsOnlyIdentityEncodedPartsTest {

    @Test
    void base64AttachmentIsNotRead() throws Exception {
        CountingSource source = new CountingSource();
        MimeMessage message = withAttachment(source, "base64");

        MessageValidator.validate(Messages.MAILER, message, null);

        assertThat(source.reads).hasValue(0);
    }

    @Test
    void attachmentLeftToAngusIsReadOnlyByAngus() throws Exception {
        CountingSource source = new CountingSource();
        MimeMessage message = withAttachment(source, null);

        MessageValidator.validate(Messages.MAILER, message, null);

        // Angus picks 7bit for this short ASCII content: a check of every 7bit part after saving would read it again.
        assertThat(
                        message.getContent() instanceof MimeMultipart m
                                ? m.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0]
                                : null)
                .isEqualTo("7bit");
        assertThat(source.reads).as("Angus choosing the encoding").hasValue(1);
    }

    @Test
    void declared7bitAttachmentIsReadOnceForItsLines() throws Exception {
        CountingSource source = new CountingSource();
        MimeMessage message = withAttachment(source, "7bit");

        MessageValidator.validate(Messages.MAILER, message, null);

        assertThat(source.reads).hasValue(1);
    }

    private static MimeMessage withAttachment(DataSource source, String encoding) throws Exception {
        MimeMessage message = Messages.valid();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(source));
        file.setFileName("data.bin");
        if (encoding != null) {
            file.setHeader("Content-Transfer-Encoding", encoding);
        }
        message.setContent(new MimeMultipart(text, file));
        return message;
    }

    /** A streamed attachment that counts how often it is opened. */
    private static final class CountingSource implements DataSource {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public InputStream getInputStream() {
            reads.incrementAndGet();
            return new ByteArrayInputStream("line one\r\nline two\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "data.bin";
        }
    }
}
