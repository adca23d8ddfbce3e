package dev.mailwire.cdi.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter: after attempt {@code n} the wait is {@code initial × 2^(n-1)}, capped at
 * {@code max}, of which a random half is taken off. The jitter spreads the retries of many mails that failed
 * together (one SMTP outage), so the server is not hit by all of them at the same instant when it comes back.
 */
record RetryPolicy(Duration initial, Duration max, Duration maxAge) {

    /** When to try again after {@code attempts} failed attempts. */
    Instant next(Instant now, int attempts) {
        long cap = max.toMillis();
        long base = initial.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long delay = Math.min(cap, base << doublings);
        if (delay < 0) {
            delay = cap; // overflow of the shift
        }
        long half = delay / 2;
        long jittered = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0) + (delay % 2);
        return now.plusMillis(Math.max(1, jittered));
    }

    /** The moment a mail committed at {@code committed} stops being retried. */
    Instant expiry(Instant committed) {
        return committed.plus(maxAge);
    }
}
