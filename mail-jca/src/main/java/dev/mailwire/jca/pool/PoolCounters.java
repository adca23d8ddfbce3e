package dev.mailwire.jca.pool;

import java.util.concurrent.atomic.LongAdder;

/** The pool's monotonic counters; {@link LongAdder}s so that counting never contends on the send path. */
final class PoolCounters {

    final LongAdder created = new LongAdder();
    final LongAdder destroyed = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    final LongAdder validationFailures = new LongAdder();
    final LongAdder acquireWaitNanos = new LongAdder();
    final LongAdder acquireWaits = new LongAdder();
    final LongAdder timeouts = new LongAdder();

    PoolStats snapshot(int inUse, int idle, int maxSize) {
        return new PoolStats(
                inUse,
                idle,
                maxSize,
                created.sum(),
                destroyed.sum(),
                connectionErrors.sum(),
                validationFailures.sum(),
                acquireWaitNanos.sum(),
                acquireWaits.sum(),
                timeouts.sum());
    }
}
