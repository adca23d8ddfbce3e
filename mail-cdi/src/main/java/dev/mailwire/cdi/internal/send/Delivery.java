package dev.mailwire.cdi.internal.send;

import dev.mailwire.SendResult;
import dev.mailwire.cdi.MockMailbox;

/**
 * How a checked message reaches its recipients: now over a pooled connection ({@link ImmediateDelivery}), or into
 * the {@link MockMailbox} ({@link MockDelivery}). The seam for transactional delivery: a decorator that, inside a JTA
 * transaction, records the message in the outbox and delivers through the immediate one after commit.
 */
public interface Delivery extends AutoCloseable {

    /** Delivers {@code message} to its approved envelope recipients; the message has passed every check. */
    SendResult deliver(PreparedMail mail);

    /** Releases what this delivery owns (the embedded pool); a server's connection factory is not closed. */
    @Override
    default void close() {}
}
