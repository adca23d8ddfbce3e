package dev.mailwire.jca.pool;

import dev.mailwire.jca.JcaMessages;
import jakarta.resource.ResourceException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pool's one background thread ({@code mailwire-pool-<mailer>}, daemon): every {@code evictionInterval} it
 * closes idle connections that expired and opens connections up to {@code pool.min-idle}. Nothing it does is ever
 * thrown; a failure is logged and the next run tries again.
 */
final class Evictor {

    private static final Logger LOG = Logger.getLogger(Evictor.class.getPackageName());
    /** How long close() waits for a run in progress (a min-idle connect is bounded by connect-timeout). */
    private static final long STOP_WAIT_SECONDS = 5;

    private final ConnectionPool pool;
    private final ScheduledExecutorService executor;
    /** Set while opening min-idle connections fails, so a server outage logs one warning, not one per run. */
    private boolean failing;

    Evictor(ConnectionPool pool, PoolSettings settings) {
        this.pool = pool;
        String name = "mailwire-pool-" + settings.mailer();
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.evictionInterval().toNanos();
        executor.scheduleWithFixedDelay(this::run, 0, every, TimeUnit.NANOSECONDS);
    }

    private void run() {
        try {
            evictExpired();
            topUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() is stopping us
        } catch (RuntimeException e) {
            // A throwing task would cancel every later run of a fixed-delay schedule.
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> JcaMessages.EVICTION_FAILED.format(pool.mailer(), pool.settings.evictionInterval()));
        }
    }

    /** Closes idle connections past their idle timeout, lifetime or message allowance. */
    private void evictExpired() {
        pool.idle.takeExpired(System.nanoTime(), pool.settings).forEach(pc -> pool.destroy(pc, "expired"));
    }

    /** Opens default-identity connections up to {@code pool.min-idle}, each in a permit and a slot of its own. */
    private void topUp() throws InterruptedException {
        int minIdle = pool.settings.minIdle();
        while (!pool.isClosed() && pool.idle.count(IdleConnections.DEFAULT_IDENTITY) < minIdle) {
            // Timed, even for zero, so as not to barge past callers waiting for a connection.
            if (!pool.permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return; // every connection is in use: nothing would stay idle
            }
            try {
                if (!pool.reserveSlot()) {
                    return; // full of connections of other identities
                }
                PooledConnection pc = pool.create(null);
                pc.markReturned();
                pool.backToIdle(pc);
                if (failing) {
                    failing = false;
                    LOG.info(() -> JcaMessages.MIN_IDLE_WORKS_AGAIN.format(pool.mailer()));
                }
            } catch (ResourceException | RuntimeException e) {
                // The factory's messages name the setting at fault and never a secret (DESIGN §2).
                Level level = failing ? Level.FINE : Level.WARNING;
                failing = true;
                LOG.log(
                        level,
                        () -> JcaMessages.MIN_IDLE_FAILED.format(
                                pool.mailer(), minIdle, pool.settings.evictionInterval(), e));
                LOG.log(Level.FINE, "min-idle connection failure", e);
                return;
            } finally {
                pool.permits.release();
            }
        }
    }

    /** No further runs; a run in progress finishes. */
    void stop() {
        executor.shutdown();
    }

    /** Waits, bounded, for a run in progress, then interrupts it. */
    void awaitStop() {
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
