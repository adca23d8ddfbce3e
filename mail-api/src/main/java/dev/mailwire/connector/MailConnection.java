package dev.mailwire.connector;

import dev.mailwire.SendResult;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Sends like {@link #send(MimeMessage, Address[])}, but where the server pipelines (RFC 2920) and accepted every
     * recipient, does not wait for the reply to the message's final dot: the dot goes out in one write with the next
     * send's envelope on this connection, which saves a round trip per message, and the returned future completes
     * when that reply has been read, by the next send on this handle (from any thread it is handed to), or by
     * {@link #close()} at the latest. Use it only when another send follows at once: until then the dot has not left
     * this machine. Anything found before the final dot (a bad address, a broken connection, refused recipients) is
     * thrown or returned as {@code send} does; the future then is already complete.
     *
     * @return the result, once the reply to the final dot has been read; completes exceptionally with
     *     {@link dev.mailwire.MailRejectedException} when the server refused the content, or another
     *     {@link dev.mailwire.MailerException} when no reply came (the mail may then have been accepted)
     */
    default CompletableFuture<SendResult> sendBeforeNext(MimeMessage message, Address[] recipients) {
        return CompletableFuture.completedFuture(send(message, recipients));
    }

    /** The largest message the server accepts, from its EHLO SIZE extension, if it announced one. */
    OptionalLong maxMessageSize();

    /** Returns the connection to its pool. Idempotent. */
    @Override
    void close();
}
