package dev.mailwire.jca.pool;

import dev.mailwire.jca.JcaMessages;
import dev.mailwire.jca.pool.PooledConnection.State;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded pool's state and the life of its connections, without a global lock; {@link Allocator} hands them
 * out.
 *
 * <p>Two numbers bound it. {@code permits} (a fair semaphore of {@code maxSize}) is held by each checkout, from
 * {@code allocate} until its connection is returned or destroyed, so waiters are served in arrival order and a
 * timeout means every connection really stayed in use. {@code live} counts connections that exist or are being
 * created and never passes {@code maxSize}; it drops only after {@code destroy()} returned, so the server never
 * sees more than {@code maxSize} sockets. A permit holder always finds a connection: an idle one of its identity,
 * a free slot, or an idle one of another identity to destroy; at worst it waits for another thread's
 * {@code destroy()}, which is fast by contract. Who owns a connection, and releases its permit, is decided by
 * compare-and-set on {@link PooledConnection.State}. Connections are created, validated and cleaned up on the
 * calling thread, outside any lock.
 */
final class ConnectionPool {

    private static final Logger LOG = Logger.getLogger(ConnectionPool.class.getPackageName());
    private static final long DRAIN_POLL_NANOS = 5_000_000;

    final ManagedConnectionFactory mcf;
    final PoolSettings settings;
    /** One per checkout, held from allocation until the connection is returned or destroyed; fair (FIFO). */
    final Semaphore permits;
    /** Connections that exist or are being created; never above {@code maxSize}. */
    private final AtomicInteger live = new AtomicInteger();

    final IdleConnections idle = new IdleConnections();
    private final Set<PooledConnection> all = ConcurrentHashMap.newKeySet();
    final PoolCounters counters = new PoolCounters();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Evictor evictor;

    ConnectionPool(ManagedConnectionFactory mcf, PoolSettings settings) {
        this.mcf = mcf;
        this.settings = settings;
        this.permits = new Semaphore(settings.maxSize(), true);
        this.evictor = new Evictor(this, settings);
    }

    String mailer() {
        return settings.mailer();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Why a connection must not be reused (pool closed, lifetime, message allowance), or null. */
    String retireReason(PooledConnection pc, long now) {
        if (closed.get()) {
            return "pool closed";
        }
        if (pc.pastLifetime(now, settings.maxLifetime().toNanos())) {
            return "pool.max-lifetime reached";
        }
        if (pc.spent(settings.maxMessagesPerConnection())) {
            return "pool.max-messages-per-connection reached";
        }
        return null;
    }

    /** Takes one of the {@code maxSize} slots for a connection about to be created; false if none is free. */
    boolean reserveSlot() {
        int n;
        do {
            n = live.get();
            if (n >= settings.maxSize()) {
                return false;
            }
        } while (!live.compareAndSet(n, n + 1));
        return true;
    }

    /** Opens a connection (TCP, TLS, AUTH: slow) in a reserved slot; a failure frees the slot and propagates. */
    PooledConnection create(ConnectionRequestInfo cri) throws ResourceException {
        ManagedConnection mc;
        try {
            mc = mcf.createManagedConnection(null, cri);
            if (mc == null) {
                throw new ResourceException(JcaMessages.NULL_CONNECTION.format(mailer()));
            }
        } catch (Throwable t) {
            live.decrementAndGet();
            throw t;
        }
        PooledConnection pc = new PooledConnection(mc, cri, State.CHECKING);
        all.add(pc);
        mc.addConnectionEventListener(new PoolListener(this, pc));
        counters.created.increment();
        LOG.fine(() -> "Mailer '" + mailer() + "': opened " + pc + ", " + live.get() + " of " + settings.maxSize());
        return pc;
    }

    /** The application closed the handle ({@code CONNECTION_CLOSED}): clean up and keep, or retire. */
    void returned(PooledConnection pc) {
        if (!pc.transition(State.IN_USE, State.RETURNING)) {
            return; // a duplicate close, or the connection is already gone
        }
        try {
            String retire = retireReason(pc, System.nanoTime());
            if (retire == null) {
                try {
                    pc.mc.cleanup(); // per-send state only (RSET); the socket stays open
                } catch (ResourceException | RuntimeException e) {
                    retire = "cleanup failed: " + e;
                }
            }
            if (retire != null) {
                discard(pc, State.RETURNING, retire);
                return;
            }
            pc.markReturned();
            if (pc.transition(State.RETURNING, State.IDLE)) {
                idle.push(pc);
                if (closed.get()) {
                    destroyIdle(); // close() may have drained the queues before this push
                }
            }
        } finally {
            permits.release();
        }
    }

    /** The connection reported {@code CONNECTION_ERROR_OCCURRED}: destroy it, whoever holds it. */
    void failed(PooledConnection pc) {
        if (kill(pc, "connection error reported")) {
            counters.connectionErrors.increment();
        }
    }

    /**
     * Destroys a connection in whatever state it is. The permit goes back here only for {@code IN_USE}: a borrower
     * ({@code CHECKING}) or a returning thread ({@code RETURNING}) releases its own.
     */
    private boolean kill(PooledConnection pc, String reason) {
        while (true) {
            State s = pc.state();
            if (s == State.DESTROYED) {
                return false;
            }
            if (pc.transition(s, State.DESTROYED)) {
                if (s == State.IDLE) {
                    idle.remove(pc);
                }
                destroy(pc, reason);
                if (s == State.IN_USE) {
                    permits.release();
                }
                return true;
            }
        }
    }

    void backToIdle(PooledConnection pc) {
        if (pc.transition(State.CHECKING, State.IDLE)) {
            idle.push(pc);
            if (closed.get()) {
                destroyIdle();
            }
        }
    }

    void discard(PooledConnection pc, State from, String reason) {
        if (pc.transition(from, State.DESTROYED)) {
            destroy(pc, reason);
        }
    }

    /** For a connection this thread moved to {@code DESTROYED}. The slot frees only once the socket is closed. */
    void destroy(PooledConnection pc, String reason) {
        try {
            pc.mc.destroy();
        } catch (ResourceException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Mailer '" + mailer() + "': destroying " + pc + " failed");
        } finally {
            all.remove(pc);
            live.decrementAndGet();
            counters.destroyed.increment();
        }
        LOG.fine(() -> "Mailer '" + mailer() + "': closed " + pc + " (" + reason + ")");
    }

    private void destroyIdle() {
        idle.takeAll().forEach(pc -> destroy(pc, "pool closed"));
    }

    /** Stops handing out, destroys idle connections, waits up to {@code drain} for the rest, then destroys them. */
    void close(Duration drain) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.fine(() -> "Mailer '" + mailer() + "': closing the pool");
        evictor.stop();
        // Wakes one waiter; it finds the pool closed and releases the permit again, so every waiter fails fast.
        permits.release();
        destroyIdle();
        long deadline = System.nanoTime() + drain.toNanos();
        while (inUse() > 0
                && System.nanoTime() - deadline < 0
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(DRAIN_POLL_NANOS);
        }
        all.forEach(pc -> kill(pc, "pool closed"));
        evictor.awaitStop();
    }

    void ensureOpen() {
        if (closed.get()) {
            throw PoolMessages.closed(mailer());
        }
    }

    private int inUse() {
        int n = 0;
        for (PooledConnection pc : all) {
            State s = pc.state();
            if (s == State.CHECKING || s == State.IN_USE || s == State.RETURNING) {
                n++;
            }
        }
        return n;
    }

    PoolStats stats() {
        int inUse = 0;
        int idleCount = 0;
        for (PooledConnection pc : all) {
            switch (pc.state()) {
                case CHECKING, IN_USE, RETURNING -> inUse++;
                case IDLE -> idleCount++;
                case DESTROYED -> {}
            }
        }
        return counters.snapshot(inUse, idleCount, settings.maxSize());
    }
}
