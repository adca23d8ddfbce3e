package dev.mailwire.connector;

import dev.mailwire.SendResult;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;

/**
 * A handle on one pooled SMTP connection. Not thread-safe: use it from one thread and close it promptly, which
 * returns the connection to the pool (it does not close the socket).
 */
public interface MailConnection extends AutoCloseable {

    /** Sends to the message's To, Cc and Bcc recipients. */
    SendResult send(MimeMessage message);

    /**
     * Sends to the given envelope recipients, whatever the headers say.
     *
     * @return one result per recipient; a send that no recipient accepted throws
     *     {@link dev.mailwire.MailRejectedException} instead
     */
    SendResult send(MimeMessage message, Address[] recipients);

    /** The largest message the server accepts, from its EHLO SIZE extension, if it announced one. */
    OptionalLong maxMessageSize();

    /** Returns the connection to its pool. Idempotent. */
    @Override
    void close();
}
