package dev.mailwire.cdi.internal.send;

import dev.mailwire.MailerException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a connection of the embedded pool from one sender straight to the next, when every connection is in use:
 * the sender ends its mail with {@link MailConnection#sendBeforeNext}, so that its final dot and the next sender's
 * envelope leave in one write (RFC 2920) and the next sender's first reply read brings the first sender its result.
 * One round trip per mail fewer than giving the connection back to the pool and the next sender starting afresh,
 * which is what matters when the server is milliseconds away.
 *
 * <p>Callers that would wait for the pool queue here instead, in arrival order; a sender that finds one waiting
 * when it starts its mail claims it. A sender that found nobody gives its connection back to the pool and then tells
 * the first one queued meanwhile to take a connection from the pool itself, and a caller that queued re-checks the
 * pool after queueing: between the two, nobody stays queued while a sender gives a connection back.
 * A caller waiting in the pool itself (the readiness probe, or a sender that found a connection free a moment
 * before another took it) comes first: a sender that sees one gives its connection back to the pool rather than
 * hand it on, or a chain of senders could keep it from the pool until that caller's acquire-timeout.
 *
 * <p>Only for the embedded pool: an application server ties a connection handle to the component call that got
 * it, and may close it when that call ends even though another thread is using it.
 */
final class ConnectionRelay {

    private final EmbeddedConnectionManager pool;
    private final Duration acquireTimeout;
    private final ConcurrentLinkedQueue<Baton> queued = new ConcurrentLinkedQueue<>();

    ConnectionRelay(EmbeddedConnectionManager pool) {
        this.pool = pool;
        this.acquireTimeout = pool.settings().acquireTimeout();
    }

    /**
     * A connection another sender hands over, or null: take one from the pool. Waits, up to
     * {@code pool.acquire-timeout}, only while the pool has no connection free.
     *
     * @throws dev.mailwire.PoolExhaustedException when none came within {@code pool.acquire-timeout}
     */
    MailConnection awaitHandOver() {
        if (!pool.wouldWait()) {
            return null;
        }
        Baton baton = new Baton();
        queued.add(baton);
        if (!pool.wouldWait() && baton.withdraw()) {
            queued.remove(baton); // a connection came back while we queued
            return null;
        }
        try {
            return baton.connection.get(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (baton.withdraw()) {
                queued.remove(baton);
                throw pool.exhausted();
            }
            return baton.connection.join(); // claimed just now: the connection is on its way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (baton.withdraw()) {
                queued.remove(baton);
                return null; // the pool, seeing the interrupt, fails the allocation as interrupted
            }
            return baton.connection.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // never completed exceptionally
        }
    }

    /**
     * The first queued caller, claimed: the sender hands it its connection after its own mail. Null if none, or if a
     * caller waits in the pool itself (it found a connection free a moment before another sender took it, or it is a
     * health probe): the connection then goes back to the pool for it, so that the relay never starves the pool's
     * own queue; the pool's next holder serves the relay's.
     */
    Baton claimNext() {
        return pool.hasWaiters() ? null : pollClaimed();
    }

    private Baton pollClaimed() {
        Baton b;
        while ((b = queued.poll()) != null) {
            if (b.claim()) {
                return b;
            }
        }
        return null;
    }

    /**
     * After a connection went back to the pool: if it lies there unclaimed, the first caller queued takes it. Not if
     * the pool gave it to a caller waiting there, or one still waits: that caller is the next sender and serves the
     * queue (a caller sent to wait in the pool behind it would make the next sender, too, give the connection back
     * rather than hand it on, and so on while senders keep queueing, which ends the hand-overs for good).
     */
    void releaseNext() {
        if (pool.wouldWait() || pool.hasWaiters()) {
            return;
        }
        Baton b = pollClaimed();
        if (b != null) {
            b.takeFromPool();
        }
    }

    /** One queued caller, and the connection it is handed (or null: take one from the pool). */
    static final class Baton {
        private static final int QUEUED = 0;
        private static final int CLAIMED = 1;
        private static final int WITHDRAWN = 2;

        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CompletableFuture<MailConnection> connection = new CompletableFuture<>();

        private boolean claim() {
            return state.compareAndSet(QUEUED, CLAIMED);
        }

        private boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }

        /** Gives the claimed caller this connection; from now on it is the caller's to use and close. */
        void handOver(MailConnection c) {
            connection.complete(c);
        }

        /** Tells the claimed caller to take a connection from the pool after all. */
        void takeFromPool() {
            connection.complete(null);
        }
    }

    /**
     * The result of a mail sent with {@link MailConnection#sendBeforeNext}, once the next sender read the reply to
     * its final dot. The connection's send deadline bounds the wait: it drops the unread reply when it passes.
     */
    static <T> T await(CompletableFuture<T> pending) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return pending.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the outcome is on its way, bounded by the send deadline
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof MailerException m) {
                        throw m;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
