package dev.mailwire.jca;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A message that {@link MessageValidator#validated} checked and saved, so that Mailwire's own send path validates it
 * once: a Mailwire connection handle sends it without a second check. Only the validator makes one (the constructor
 * is not public), so a caller cannot mark a message checked; and only envelope recipients that were checked with it
 * skip the check.
 *
 * <p>Internal to Mailwire: public only for the CDI layer, which validates a mail when it is sent and delivers it
 * moments later, in the same call, without changing it.
 */
public final class ValidatedMessage {

    private final String mailer;
    private final MimeMessage message;
    private final String messageId;
    private final List<Address> recipients;

    ValidatedMessage(String mailer, MimeMessage message, String messageId, Address[] recipients) {
        this.mailer = mailer;
        this.message = message;
        this.messageId = messageId;
        this.recipients = List.of(recipients);
    }

    public MimeMessage message() {
        return message;
    }

    /** The envelope recipients checked with the message. */
    public Address[] recipients() {
        return recipients.toArray(new Address[0]);
    }

    /** The Message-ID the message will be sent with. */
    public String messageId() {
        return messageId;
    }

    /**
     * Sends the message to {@code to} through {@code connection}: without a second check when the connection is a
     * Mailwire handle of the same mailer and every address of {@code to} was checked with the message; otherwise
     * through {@link MailConnection#send(MimeMessage, Address[])}, which checks it.
     */
    public SendResult sendThrough(MailConnection connection, Address[] to) {
        MailConnectionImpl own = vouchedFor(connection, to);
        return own != null ? own.sendChecked(message, to) : connection.send(message, to);
    }

    /**
     * {@link #sendThrough}, through {@link MailConnection#sendBeforeNext}: the reply to the final dot may be read by
     * the next send on {@code connection}.
     */
    public CompletableFuture<SendResult> sendThroughBeforeNext(MailConnection connection, Address[] to) {
        MailConnectionImpl own = vouchedFor(connection, to);
        return own != null ? own.sendCheckedBeforeNext(message, to) : connection.sendBeforeNext(message, to);
    }

    /** {@code connection} as a Mailwire handle of this mailer if this check covers {@code to}; else null. */
    private MailConnectionImpl vouchedFor(MailConnection connection, Address[] to) {
        return connection instanceof MailConnectionImpl own && own.mailer().equals(mailer) && checked(to) ? own : null;
    }

    private boolean checked(Address[] to) {
        for (Address a : to) {
            if (!recipients.contains(a)) {
                return false;
            }
        }
        return to.length > 0;
    }
}
