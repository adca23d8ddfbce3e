package dev.mailwire.jca.pool;

/**
 * A point-in-time snapshot of one embedded pool, for health checks and telemetry. The gauges ({@code inUse},
 * {@code idle}) are read one after the other without a lock, so under load they may be off by a connection in
 * transit; the counters are monotonic since the pool was created.
 *
 * @param inUse connections currently handed out (including ones being cleaned up after close)
 * @param idle connections waiting in the pool, all identities together
 * @param maxSize the configured {@code pool.max-size}
 * @param created connections created since start
 * @param destroyed connections destroyed since start, for any reason
 * @param connectionErrors connections destroyed because they reported {@code CONNECTION_ERROR_OCCURRED}
 * @param validationFailures idle connections found dead by validation before being handed out
 * @param acquireWaitNanos total time callers spent waiting for a connection to come free, in nanoseconds
 * @param acquireWaits number of allocations that had to wait (the fast path does not count)
 * @param timeouts allocations that gave up after {@code pool.acquire-timeout} ({@link dev.mailwire.PoolExhaustedException})
 */
public record PoolStats(
        int inUse,
        int idle,
        int maxSize,
        long created,
        long destroyed,
        long connectionErrors,
        long validationFailures,
        long acquireWaitNanos,
        long acquireWaits,
        long timeouts) {}
