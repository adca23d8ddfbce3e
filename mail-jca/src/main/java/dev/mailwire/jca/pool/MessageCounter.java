package dev.mailwire.jca.pool;

/**
 * Optional hook for a {@link jakarta.resource.spi.ManagedConnection}: a connection that implements it is retired by
 * the embedded pool (destroyed instead of returned to idle) once {@link #messagesSent()} reaches
 * {@link PoolSettings#maxMessagesPerConnection()}.
 *
 * <p>Spreading long-lived traffic over fresh connections keeps a single SMTP session from hitting the server's
 * per-session limits (Postfix {@code smtpd_client_message_rate_limit}, provider quotas per connection).
 */
public interface MessageCounter {

    /** The number of messages this connection has sent since it was created; never decreases. */
    long messagesSent();
}
