package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.SendResult;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a mail now: the mailer's immediate delivery (a pooled connection, or the mock mailbox). Reports per-recipient
 * replies as a {@link SendResult} and failures as the {@code MailerException} family, as {@code Mailer.send} does.
 *
 * <p>Not an API: public only for Mailwire's CDI layer.
 */
@FunctionalInterface
public interface OutboxTransport {

    /**
     * @param size the message's size in bytes, checked against the server's SIZE limit before sending
     */
    SendResult send(MimeMessage message, String messageId, Address[] recipients, long size);
}
