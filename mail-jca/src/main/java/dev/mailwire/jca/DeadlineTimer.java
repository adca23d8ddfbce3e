package dev.mailwire.jca;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that enforces deadlines for every connection of a resource adapter (or of a factory used
 * without one): it closes a socket whose send ran too long, and drives Angus's write timeouts, which would
 * otherwise start a thread per connection.
 */
final class DeadlineTimer implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    DeadlineTimer(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        // Cancelled deadlines are the common case (the send finished in time): drop them at once.
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code action} after {@code delay} unless the returned future is cancelled first. */
    ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return executor.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The executor Angus uses for {@code mail.smtp.executor.writetimeout}. */
    ScheduledExecutorService executor() {
        return executor;
    }

    boolean isShutdown() {
        return executor.isShutdown();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
