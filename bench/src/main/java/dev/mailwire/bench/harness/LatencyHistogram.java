package dev.mailwire.bench.harness;

/**
 * Latencies in nanoseconds, bucketed log-linearly: 64 buckets per power of two, so a percentile is off by less than
 * 1.6 %. Fixed memory whatever the message count; one per thread, merged after the run.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;

    private final long[] counts = new long[64 * SUB];
    private long total;

    public void record(long nanos) {
        counts[index(Math.max(nanos, 1))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    public long count() {
        return total;
    }

    /** The value at {@code fraction} (0.5 for p50), as the upper edge of its bucket; 0 when empty. */
    public long percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && counts[i] > 0) {
                return upperEdge(i);
            }
        }
        return 0;
    }

    private static int index(long v) {
        int msb = 63 - Long.numberOfLeadingZeros(v);
        if (msb < SUB_BITS) {
            return (int) v;
        }
        int shift = msb - SUB_BITS;
        return (shift + 1) * SUB + (int) ((v >>> shift) - SUB);
    }

    private static long upperEdge(int index) {
        if (index < SUB) {
            return index;
        }
        int shift = index / SUB - 1;
        long mantissa = SUB + index % SUB;
        return ((mantissa + 1) << shift) - 1;
    }
}
