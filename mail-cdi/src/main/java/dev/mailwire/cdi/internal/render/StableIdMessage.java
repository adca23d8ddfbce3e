package dev.mailwire.cdi.internal.render;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.InputStream;
import java.util.Objects;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose Message-ID is fixed when it is rendered. An Angus {@code SMTPMessage}, so it carries its envelope
 * sender (the bounce address) to the transport's MAIL FROM. {@code MimeMessage.saveChanges()}, which
 * {@code Transport.send} calls on every attempt, would otherwise replace the Message-ID each time (DESIGN §6); a
 * retry of the same mail must carry the same one, so recipients and the outbox can tell a duplicate.
 */
public class StableIdMessage extends SMTPMessage {

    private final String messageId;

    /** @param messageId the Message-ID header value, with angle brackets */
    public StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
    }

    /** A message parsed from its written form, such as a signed one; {@code messageId} is its Message-ID. */
    protected StableIdMessage(Session session, InputStream written, String messageId) throws MessagingException {
        super(session, written);
        this.messageId = Objects.requireNonNull(messageId, "messageId");
    }

    /** The fixed Message-ID, with angle brackets. */
    public String messageId() {
        return messageId;
    }

    /** Restores the fixed Message-ID, even over one set through {@code setHeader}. */
    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
