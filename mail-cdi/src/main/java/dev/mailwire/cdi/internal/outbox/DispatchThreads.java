package dev.mailwire.cdi.internal.outbox;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The threads one mailer's dispatcher sends on. In an application server, the default managed scheduled executor
 * (Jakarta Concurrency: unmanaged threads are not allowed there, and the server stops its own); embedded, a fixed
 * number of daemon threads of its own. Either way at most {@code threads} sends run at once and only a few more wait
 * (the permits below): a mail that finds no room is left to the sweeper, which is safe because it is in the table.
 */
final class DispatchThreads implements AutoCloseable {

    /** Jakarta Concurrency 3.0 §3.2.4.1. */
    static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";

    private static final Logger LOG = Logger.getLogger(DispatchThreads.class.getName());
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String mailer;
    private final ScheduledExecutorService executor;
    private final boolean owned;
    private final int capacity;
    private final Semaphore permits;
    private volatile boolean closed;

    private DispatchThreads(String mailer, ScheduledExecutorService executor, boolean owned, int capacity) {
        this.mailer = mailer;
        this.executor = executor;
        this.owned = owned;
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    static DispatchThreads create(String mailer, int threads) {
        int capacity = threads * 2;
        ScheduledExecutorService managed = lookupManaged();
        if (managed != null) {
            return new DispatchThreads(mailer, managed, false, capacity);
        }
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, "mailwire-outbox-" + mailer + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        own.setRemoveOnCancelPolicy(true);
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new DispatchThreads(mailer, own, true, capacity);
    }

    /** Runs {@code task} soon if there is room; false (and nothing runs) when full or closed. */
    boolean tryExecute(Runnable task) {
        return tryExecute(task, () -> {});
    }

    /**
     * As {@link #tryExecute(Runnable)}, then {@code next} on the same thread once the task's room is free again, so
     * {@code next} can hand out that room (the dispatcher takes the next due entry of a backlog there).
     */
    boolean tryExecute(Runnable task, Runnable next) {
        if (closed || !permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    permits.release();
                }
                next.run();
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            return false;
        }
    }

    /** How many more tasks {@link #tryExecute} would take now. */
    int free() {
        return closed ? 0 : permits.availablePermits();
    }

    /**
     * Runs {@code task} on a dispatcher thread and waits for it: work that must not join the caller's transaction
     * (a mailer is often started by its first send, inside one), such as creating the table.
     */
    void runOutsideTransaction(Runnable task) {
        try {
            executor.submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the outbox", e);
        }
    }

    /** Runs {@code task} after {@code delay}, when there is room then; null when closed. */
    ScheduledFuture<?> later(Duration delay, Runnable task) {
        if (closed) {
            return null;
        }
        try {
            return executor.schedule(() -> runOrRetry(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Runs {@code task} once after {@code delay}, without taking a send's room (the hand-over's collector, which only
     * starts sends); false when closed.
     */
    boolean schedule(Duration delay, Runnable task) {
        if (closed) {
            return false;
        }
        try {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void runOrRetry(Runnable task) {
        if (!tryExecute(task)) {
            later(Duration.ofMillis(100), task);
        }
    }

    ScheduledFuture<?> every(Duration interval, Runnable task) {
        long ms = interval.toMillis();
        return executor.scheduleWithFixedDelay(task, 0, ms, TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Whether the threads are gone although nobody closed them: our own executor shut down behind our back. A
     * server's executor is the server's to stop, and Jakarta Concurrency has its lifecycle methods throw
     * IllegalStateException, so it is not asked.
     */
    boolean lost() {
        return !closed && owned && executor.isShutdown();
    }

    /** Takes no more work and waits (bounded) for the sends running now; a server's executor is the server's. */
    @Override
    public void close() {
        closed = true;
        try {
            if (owned) {
                executor.shutdown();
                if (!executor.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warning(
                            "Mailer '" + mailer + "': outbox sends still running after " + GRACE + " were interrupted");
                    executor.shutdownNow();
                }
            } else if (!permits.tryAcquire(capacity, GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("Mailer '" + mailer + "': outbox sends still running after " + GRACE + "; not waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ScheduledExecutorService lookupManaged() {
        try {
            return (ScheduledExecutorService) new InitialContext().lookup(MANAGED);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "No managed scheduled executor in JNDI; the outbox uses threads of its own", e);
            return null;
        }
    }
}
