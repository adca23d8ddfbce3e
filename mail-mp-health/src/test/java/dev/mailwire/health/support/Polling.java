package dev.mailwire.health.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds, at a fixed period; fails with what was last seen. */
public final class Polling {

    private Polling() {}

    /** The first value {@code poll} gives that satisfies {@code done}, polled every {@code period}. */
    public static <T> T until(Supplier<T> poll, java.util.function.Predicate<T> done, Duration period, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        T last = poll.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + max + "; last seen: " + last);
            }
            sleep(period);
            last = poll.get();
        }
        return last;
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
