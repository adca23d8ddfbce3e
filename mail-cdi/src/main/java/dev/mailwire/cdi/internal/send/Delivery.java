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

    /**
     * Whether a mail delivered from the calling thread now would be held (for a transaction) rather than sent.
     * {@code sendAsync} must then deliver on the caller's thread, where the transaction is seen.
     */
    default boolean holdsOnThisThread() {
        return false;
    }

    /** Releases what this delivery owns (the embedded pool); a server's connection factory is not closed. */
    @Override
    default void close() {}
}
