package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.internal.ContainerThreads;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The threads one mailer's dispatcher sends on: the server's managed scheduled executor, or a fixed number of daemon
 * threads of its own ({@link ContainerThreads} chooses). Either way at most {@code threads} sends run at once and only a few more wait
 * (the permits below): a mail that finds no room is left to the sweeper, which is safe because it is in the table.
 */
final class DispatchThreads implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DispatchThreads.class.getName());

    private final String mailer;
    private final ContainerThreads<ScheduledExecutorService> threads;
    private final ScheduledExecutorService executor;
    private final int capacity;
    private final Semaphore permits;
    private volatile boolean closed;

    private DispatchThreads(String mailer, ContainerThreads<ScheduledExecutorService> threads, int capacity) {
        this.mailer = mailer;
        this.threads = threads;
        this.executor = threads.executor();
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    static DispatchThreads create(String mailer, int threads) {
        return new DispatchThreads(
                mailer, ContainerThreads.scheduled("mailwire-outbox-" + mailer, threads), threads * 2);
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
     * Whether the threads are gone although nobody closed them: our own executor shut down behind our back.
     */
    boolean lost() {
        return !closed && threads.shutDown();
    }

    /** Takes no more work and waits (bounded) for the sends running now; a server's executor is the server's. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!threads.managed()) {
                if (!threads.close(ContainerThreads.GRACE)) {
                    LOG.warning("Mailer '" + mailer + "': outbox sends still running after " + ContainerThreads.GRACE
                            + " were interrupted");
                }
            } else if (!permits.tryAcquire(capacity, ContainerThreads.GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("Mailer '" + mailer + "': outbox sends still running after " + ContainerThreads.GRACE
                        + "; not waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
