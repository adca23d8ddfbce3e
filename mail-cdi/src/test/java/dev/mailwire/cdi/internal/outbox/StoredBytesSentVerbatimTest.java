package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the outbox stores is what goes on the wire, on every attempt: the Message-ID survives {@code saveChanges()}
 * (which {@code Transport.send} calls and which would otherwise make a new one, DESIGN §6), and Bcc is not in it.
 */
class StoredBytesSentVerbatimTest {

    @Test
    void retrySendsTheStoredBytesWithTheSameMessageId() throws Exception {
        MimeMessage original = new MimeMessage(Session.getInstance(new Properties()));
        original.setFrom(new InternetAddress("app@example.org"));
        original.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.org"));
        original.setRecipient(Message.RecipientType.BCC, new InternetAddress("audit@example.org"));
        original.setSubject("order");
        original.setText("thanks\r\n.line starting with a dot\r\n", "UTF-8");
        original.saveChanges();
        String id = original.getMessageID();

        byte[] stored = Outbox.render(original);
        StoredMessage retry = new StoredMessage(stored);
        retry.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        retry.writeTo(wire, new String[] {"Bcc", "Content-Length"});

        assertThat(wire.toByteArray()).isEqualTo(stored);
        assertThat(retry.getMessageID()).isEqualTo(id);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("audit@example.org");
        assertThat(retry.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.org");
    }
}
