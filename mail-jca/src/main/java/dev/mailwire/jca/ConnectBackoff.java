package dev.mailwire.jca;

import dev.mailwire.MailerException;
import java.time.Duration;

/**
 * Spaces out new connection attempts to a server that just refused one. Without it, every caller of a busy pool
 * opens its own connection to a server that answers each with {@code 421 4.7.0} (too many connections), a reconnect
 * loop that makes the throttling worse. After a failed connect, attempts within the back-off window fail at once
 * with the last failure; the window doubles with each failure, up to {@link #MAX}, and closes on the first success.
 */
final class ConnectBackoff {

    static final Duration FIRST = Duration.ofMillis(100);
    static final Duration MAX = Duration.ofSeconds(5);

    private long retryAtNanos;
    private Duration window;
    private MailerException last;

    /** Throws the last failure, reworded, while the back-off window is open. */
    synchronized void check(MailSettings s) {
        if (last == null) {
            return;
        }
        long remaining = retryAtNanos - System.nanoTime();
        if (remaining > 0) {
            throw Failures.backingOff(s, last, Duration.ofNanos(remaining));
        }
    }

    synchronized void failed(MailerException e) {
        window = window == null ? FIRST : min(window.multipliedBy(2), MAX);
        retryAtNanos = System.nanoTime() + window.toNanos();
        last = e;
    }

    synchronized void succeeded() {
        window = null;
        last = null;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
