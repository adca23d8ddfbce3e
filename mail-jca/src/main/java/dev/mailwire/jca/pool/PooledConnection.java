package dev.mailwire.jca.pool;

import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pooled {@link ManagedConnection} and the state that decides who owns it. Every change of owner is a
 * compare-and-set, so two events for one connection (a duplicate close, an error during cleanup, the evictor and a
 * borrower reaching the same idle connection) never act twice.
 */
final class PooledConnection {

    /**
     * Who owns the connection, and so who releases the permit that goes with a checkout: the borrowing thread while
     * {@code CHECKING}; whoever moves it out of {@code IN_USE} after it was handed out.
     */
    enum State {
        /** In an idle queue; whoever moves it out of IDLE owns it. */
        IDLE,
        /** Being created, matched or validated by a borrower (or created by the evictor), not yet handed out. */
        CHECKING,
        /** Its handle is with the application. */
        IN_USE,
        /** Its handle was closed and {@code cleanup()} runs; the returning thread still holds the permit. */
        RETURNING,
        /** Destroyed or being destroyed; terminal. */
        DESTROYED
    }

    final ManagedConnection mc;
    /** The identity key: the request info, or {@link IdleConnections#DEFAULT_IDENTITY} for none. */
    final Object identity;

    final ConnectionRequestInfo cri;
    final long createdNanos;
    private final AtomicReference<State> state;
    private volatile long lastReturnedNanos;

    PooledConnection(ManagedConnection mc, ConnectionRequestInfo cri, State initial) {
        this.mc = mc;
        this.cri = cri;
        this.identity = IdleConnections.identityOf(cri);
        this.createdNanos = System.nanoTime();
        this.lastReturnedNanos = createdNanos;
        this.state = new AtomicReference<>(initial);
    }

    boolean transition(State from, State to) {
        return state.compareAndSet(from, to);
    }

    State state() {
        return state.get();
    }

    void markReturned() {
        lastReturnedNanos = System.nanoTime();
    }

    long idleNanos(long now) {
        return now - lastReturnedNanos;
    }

    boolean pastLifetime(long now, long maxLifetimeNanos) {
        return now - createdNanos >= maxLifetimeNanos;
    }

    /** True when the connection counts its messages and has sent its allowance. */
    boolean spent(int maxMessages) {
        return mc instanceof MessageCounter counter && counter.messagesSent() >= maxMessages;
    }

    @Override
    public String toString() {
        return "PooledConnection[" + state.get() + ", " + mc.getClass().getSimpleName() + "@"
                + Integer.toHexString(System.identityHashCode(mc)) + "]";
    }
}
