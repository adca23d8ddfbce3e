package dev.mailwire.jca.pool;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.mailwire.jca.pool.PooledConnection.State;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands out connections: waits for a permit (fair, bounded by {@code pool.acquire-timeout}), then reuses an idle
 * connection of the caller's identity that the factory matches (validated only after {@code
 * pool.validate-after-idle}), or opens one, making room by closing an idle connection of another identity.
 *
 * <p>Holding a permit guarantees a connection: at most {@code maxSize - 1} others are checked out, so there is an
 * idle one, a free slot, or a connection another thread is destroying right now (fast by contract; the borrower
 * parks briefly until it is gone).
 */
final class Allocator {

    private static final Logger LOG = Logger.getLogger(Allocator.class.getPackageName());
    private static final long SETTLE_PARK_NANOS = 50_000;

    private final ConnectionPool pool;

    Allocator(ConnectionPool pool) {
        this.pool = pool;
    }

    /** A handle from a matching idle connection or a new one; waits up to {@code pool.acquire-timeout}. */
    Object allocate(ConnectionRequestInfo cri) throws ResourceException {
        pool.ensureOpen();
        long deadline = acquirePermit();
        boolean handedOut = false;
        try {
            while (true) {
                pool.ensureOpen();
                PooledConnection pc = borrow(cri, deadline);
                Object handle;
                try {
                    handle = pc.mc.getConnection(null, cri);
                } catch (ResourceException | RuntimeException e) {
                    pool.discard(pc, State.CHECKING, "getConnection failed");
                    throw e;
                }
                if (pc.transition(State.CHECKING, State.IN_USE)) {
                    handedOut = true;
                    return handle;
                }
                // It reported an error while giving out its handle and is gone: take another.
            }
        } finally {
            if (!handedOut) {
                pool.permits.release();
            }
        }
    }

    private long acquirePermit() {
        long timeout = pool.settings.acquireTimeout().toNanos();
        long start = System.nanoTime();
        try {
            // Timed, even for zero: the untimed tryAcquire() would barge past threads already waiting.
            if (pool.permits.tryAcquire(0, NANOSECONDS)) {
                return start + timeout;
            }
            boolean acquired = pool.permits.tryAcquire(timeout, NANOSECONDS);
            pool.counters.acquireWaits.increment();
            pool.counters.acquireWaitNanos.add(System.nanoTime() - start);
            if (!acquired) {
                pool.counters.timeouts.increment();
                throw PoolMessages.exhausted(pool.settings);
            }
            return start + timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PoolMessages.interrupted(pool.mailer(), Duration.ofNanos(System.nanoTime() - start), e);
        }
    }

    /** With a permit held: a connection in {@code CHECKING} that matches {@code cri}. */
    private PooledConnection borrow(ConnectionRequestInfo cri, long deadline) throws ResourceException {
        Object identity = IdleConnections.identityOf(cri);
        while (true) {
            PooledConnection pc = pool.idle.take(identity);
            if (pc != null) {
                if (usable(pc, cri)) {
                    return pc;
                }
                continue;
            }
            if (pool.reserveSlot()) {
                return pool.create(cri);
            }
            PooledConnection other = pool.idle.takeOtherIdentity(identity);
            if (other != null) {
                pool.destroy(other, "making room for another identity");
                continue;
            }
            // Every slot is another checkout's or a connection that another thread is destroying right now.
            pool.ensureOpen();
            if (System.nanoTime() - deadline > 0) {
                pool.counters.timeouts.increment();
                throw PoolMessages.exhausted(pool.settings);
            }
            LockSupport.parkNanos(SETTLE_PARK_NANOS);
        }
    }

    private boolean usable(PooledConnection pc, ConnectionRequestInfo cri) throws ResourceException {
        long now = System.nanoTime();
        String retire = pool.retireReason(pc, now);
        if (retire != null) {
            pool.discard(pc, State.CHECKING, retire);
            return false;
        }
        ManagedConnection matched;
        try {
            matched = pool.mcf.matchManagedConnections(Set.of(pc.mc), null, cri);
        } catch (ResourceException | RuntimeException e) {
            pool.backToIdle(pc);
            throw e;
        }
        if (matched != pc.mc) {
            // Equal request infos, yet the factory refuses it: it can serve nobody who looks in its queue.
            pool.discard(pc, State.CHECKING, "refused by matchManagedConnections");
            return false;
        }
        // Only after idle, never on every borrow: Postfix counts NOOPs as junk commands (DESIGN §6).
        if (pool.mcf instanceof ValidatingManagedConnectionFactory validating
                && pc.idleNanos(now) > pool.settings.validateAfterIdle().toNanos()
                && !valid(validating, pc)) {
            pool.counters.validationFailures.increment();
            pool.discard(pc, State.CHECKING, "failed validation after idle");
            return false;
        }
        return true;
    }

    private boolean valid(ValidatingManagedConnectionFactory validating, PooledConnection pc) {
        try {
            Set<?> invalid = validating.getInvalidConnections(Set.of(pc.mc));
            return invalid == null || !invalid.contains(pc.mc);
        } catch (ResourceException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Mailer '" + pool.mailer() + "': validating " + pc + " failed");
            return false;
        }
    }
}
