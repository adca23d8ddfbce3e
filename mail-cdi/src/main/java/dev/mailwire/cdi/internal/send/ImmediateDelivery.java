package dev.mailwire.cdi.internal.send;

import dev.mailwire.PoolExhaustedException;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import java.util.concurrent.CompletableFuture;

/**
 * Sends now, through a connection borrowed from the pool (the server's or the embedded one) for this one mail, or,
 * when every connection of the embedded pool is in use, handed over by the sender before ({@link ConnectionRelay}).
 */
final class ImmediateDelivery implements Delivery {

    private final String mailer;
    private final MailConnectionFactory connections;
    private final long maxMessageSize;
    private final AutoCloseable owned;
    private final MailConnectionSpec spec;
    private final MailerMonitor monitor;
    /** Hands connections of the embedded pool from sender to sender when all are in use; null for a server's. */
    private final ConnectionRelay relay;

    /**
     * For a server's connection factory, which the server owns.
     *
     * @param spec the application's settings for the connection factory, or null for the factory's own
     * @param owned what closes with this delivery, or null
     * @param monitor counts and times every send, the outbox's attempts included
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
        this.relay = null;
    }

    /**
     * For the embedded pool {@code pool}, which this delivery owns: when every connection is in use, a sender hands
     * its connection straight to the next ({@link ConnectionRelay}).
     */
    ImmediateDelivery(
            String mailer,
            MailConnectionFactory connections,
            EmbeddedConnectionManager pool,
            long maxMessageSize,
            AutoCloseable owned,
            MailerMonitor monitor) {
        this.spec = null;
        this.mailer = mailer;
        this.connections = connections;
        this.maxMessageSize = maxMessageSize;
        this.owned = owned;
        this.monitor = monitor;
        this.relay = new ConnectionRelay(pool);
    }

    @Override
    public SendResult deliver(PreparedMail mail) {
        MailerMonitor.Attempt attempt = monitor.begin();
        try {
            SendResult result = relay == null ? sendOnOwnConnection(mail) : sendRelayed(mail);
            attempt.sent(result);
            return result;
        } catch (RuntimeException e) {
            attempt.failed(e);
            throw e;
        }
    }

    private SendResult sendOnOwnConnection(PreparedMail mail) {
        try (MailConnection connection = open()) {
            checkSize(mail, connection);
            return send(mail, connection);
        }
    }

    /**
     * Sends on a connection from the pool or handed over by another sender; if a caller waits for one meanwhile,
     * hands this connection over with this mail's final dot still to be answered ({@link ConnectionRelay}).
     */
    private SendResult sendRelayed(PreparedMail mail) {
        MailConnection handed = relay.awaitHandOver();
        MailConnection connection = handed != null ? handed : openFromPool();
        ConnectionRelay.Baton next = null;
        boolean passedOn = false;
        try {
            checkSize(mail, connection);
            next = relay.claimNext();
            if (next == null) {
                return send(mail, connection);
            }
            CompletableFuture<SendResult> pending = mail.checked() != null
                    ? mail.checked().sendThroughBeforeNext(connection, mail.recipients())
                    : connection.sendBeforeNext(mail.message(), mail.recipients());
            next.handOver(connection);
            passedOn = true;
            return ConnectionRelay.await(pending);
        } finally {
            if (!passedOn) {
                connection.close();
                if (next != null) {
                    next.takeFromPool();
                }
                relay.releaseNext();
            }
        }
    }

    /**
     * A connection from the embedded pool. If it cannot be opened (the server refused the greeting, TLS or AUTH
     * failed), the pool's place is free again and a caller queued in the relay would otherwise wait for a hand-over
     * that never comes, until {@code pool.acquire-timeout}: the first one queued is told to try the pool itself. A
     * caller that timed out waiting for the pool held no place, and whoever holds it serves the queue.
     */
    private MailConnection openFromPool() {
        try {
            return open();
        } catch (PoolExhaustedException e) {
            throw e;
        } catch (RuntimeException e) {
            relay.releaseNext();
            throw e;
        }
    }

    private MailConnection open() {
        return spec == null ? connections.getConnection() : connections.getConnection(spec);
    }

    /** The server's SIZE is known only once connected; nothing of the mail has been sent yet. */
    private void checkSize(PreparedMail mail, MailConnection connection) {
        mail.size().check(mailer, mail.message(), connection.maxMessageSize(), maxMessageSize);
    }

    /** A message this mailer checked is not checked again: one check per send, one read of a stream. */
    private static SendResult send(PreparedMail mail, MailConnection connection) {
        return mail.checked() != null
                ? mail.checked().sendThrough(connection, mail.recipients())
                : connection.send(mail.message(), mail.recipients());
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
