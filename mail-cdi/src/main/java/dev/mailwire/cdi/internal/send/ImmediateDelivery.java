package dev.mailwire.cdi.internal.send;

import dev.mailwire.SendResult;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;

/** Sends now, through a connection borrowed from the pool (the server's or the embedded one) for this one mail. */
final class ImmediateDelivery implements Delivery {

    private final String mailer;
    private final MailConnectionFactory connections;
    private final long maxMessageSize;
    private final AutoCloseable owned;
    private final MailConnectionSpec spec;
    private final MailerMonitor monitor;

    /**
     * @param owned what closes with this delivery (the embedded pool and its factory), or null for a server's
     *     connection factory, which the server owns
     * @param monitor counts and times every send, the outbox's attempts included
     */
    ImmediateDelivery(
            String mailer,
            MailConnectionFactory connections,
            long maxMessageSize,
            AutoCloseable owned,
            MailerMonitor monitor) {
        this(mailer, connections, null, maxMessageSize, owned, monitor);
    }

    /**
     * @param spec the application's settings for a server's connection factory, or null for the factory's own
     */
    ImmediateDelivery(
            String mailer,
            MailConnectionFactory connections,
            MailConnectionSpec spec,
            long maxMessageSize,
            AutoCloseable owned,
            MailerMonitor monitor) {
        this.spec = spec;
        this.mailer = mailer;
        this.connections = connections;
        this.maxMessageSize = maxMessageSize;
        this.owned = owned;
        this.monitor = monitor;
    }

    @Override
    public SendResult deliver(PreparedMail mail) {
        MailerMonitor.Attempt attempt = monitor.begin();
        try (MailConnection connection = spec == null ? connections.getConnection() : connections.getConnection(spec)) {
            // The server's SIZE is known only once connected; nothing of the mail has been sent yet.
            mail.size().check(mailer, mail.message(), connection.maxMessageSize(), maxMessageSize);
            SendResult result = connection.send(mail.message(), mail.recipients());
            attempt.sent(result);
            return result;
        } catch (RuntimeException e) {
            attempt.failed(e);
            throw e;
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException(Messages.CLOSE_FAILED.format(mailer, e), e);
            }
        }
    }
}
