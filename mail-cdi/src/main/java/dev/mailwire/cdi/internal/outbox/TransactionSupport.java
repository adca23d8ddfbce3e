package dev.mailwire.cdi.internal.outbox;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What transactional delivery needs of JTA: whether the calling thread runs in a transaction, and a callback once
 * that transaction has completed. Free of JTA types, so that a mailer works on a class path without the
 * transaction API: {@link #lookup()} then gives {@link #NONE} and every mail is sent at once.
 */
interface TransactionSupport {

    /** The transaction on the calling thread, as far as holding mail is concerned. */
    enum State {
        /** No transaction: send now. */
        NONE,
        /** Active: hold the mail until it commits. */
        ACTIVE,
        /** Marked rollback-only, rolling back or rolled back (a timeout): it will not commit; send nothing. */
        DOOMED,
        /** Preparing or committing: too late to take part in it. */
        COMPLETING
    }

    /** No JTA on the class path or in the environment. */
    TransactionSupport NONE = new TransactionSupport() {
        @Override
        public State state() {
            return State.NONE;
        }

        @Override
        public void afterCompletion(Consumer<Boolean> committed) {
            throw new IllegalStateException("no transaction");
        }
    };

    State state();

    /**
     * Runs {@code committed} once the calling thread's transaction has completed, with true if it committed. The
     * callback runs on the thread that completes it (the committer, or the transaction reaper after a timeout) and
     * must neither block nor throw.
     */
    void afterCompletion(Consumer<Boolean> committed);

    /**
     * The transaction synchronization registry of this environment: a server's in JNDI, a CDI bean, or embedded
     * Narayana's; {@link #NONE} when none is found.
     */
    static TransactionSupport lookup() {
        try {
            Class.forName("jakarta.transaction.TransactionSynchronizationRegistry");
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        try {
            return TransactionRegistrySupport.find().orElse(NONE);
        } catch (RuntimeException | LinkageError e) {
            Logger.getLogger(TransactionSupport.class.getName())
                    .log(Level.FINE, "No usable transaction synchronization registry", e);
            return NONE;
        }
    }
}
