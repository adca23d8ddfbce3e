package dev.mailwire.jca;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.validation.Problems;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The handle an application holds. Package-private: applications program to {@link MailConnection}. Closing it
 * returns the managed connection to the pool; using it after close, or after the container invalidated it, fails
 * clearly.
 */
final class MailConnectionImpl implements MailConnection {

    private volatile MailManagedConnection managed;
    private final String mailer;

    MailConnectionImpl(MailManagedConnection managed) {
        this.managed = managed;
        this.mailer = managed.mailer();
    }

    @Override
    public SendResult send(MimeMessage message) {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            // The parser's text quotes the header, line breaks included: escaped, so it cannot forge a log line.
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, mailer, "to", null, MessageValidator.escaped(e.toString()));
        }
        return send(message, recipients);
    }

    @Override
    public SendResult send(MimeMessage message, Address[] recipients) {
        return checkedFor(message, recipients).send(this, message, recipients);
    }

    @Override
    public CompletableFuture<SendResult> sendBeforeNext(MimeMessage message, Address[] recipients) {
        return checkedFor(message, recipients).sendHoldingDot(this, message, recipients);
    }

    /** The managed connection, once the message and its envelope recipients have passed every check. */
    private MailManagedConnection checkedFor(MimeMessage message, Address[] recipients) {
        MailManagedConnection mc = open();
        if (recipients == null || recipients.length == 0) {
            throw Problems.of(JcaMessages.NO_RECIPIENT, mailer, "to");
        }
        // Saves the message before checking it: a content type from a DataHandler is a header only once saved.
        MessageValidator.validate(mailer, message, recipients);
        return mc;
    }

    /** Sends a message {@link ValidatedMessage} vouches for: checked and saved, with these recipients. */
    SendResult sendChecked(MimeMessage message, Address[] recipients) {
        return open().send(this, message, recipients);
    }

    /** {@link #sendBeforeNext} for a message {@link ValidatedMessage} vouches for. */
    CompletableFuture<SendResult> sendCheckedBeforeNext(MimeMessage message, Address[] recipients) {
        return open().sendHoldingDot(this, message, recipients);
    }

    String mailer() {
        return mailer;
    }

    @Override
    public OptionalLong maxMessageSize() {
        return open().maxMessageSize();
    }

    @Override
    public void close() {
        MailManagedConnection mc = managed;
        managed = null;
        if (mc != null) {
            mc.handleClosed(this);
        }
    }

    /** The container took the managed connection away (cleanup or destroy). */
    void invalidate() {
        managed = null;
    }

    /** Connection sharing: the container moved this handle to another managed connection. */
    void associate(MailManagedConnection target) {
        MailManagedConnection previous = managed;
        if (previous != null && previous != target) {
            previous.dissociate(this);
        }
        managed = target;
    }

    private MailManagedConnection open() {
        MailManagedConnection mc = managed;
        if (mc == null) {
            throw new IllegalStateException(JcaMessages.HANDLE_CLOSED.format(mailer));
        }
        return mc;
    }
}
