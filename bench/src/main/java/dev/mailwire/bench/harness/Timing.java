package dev.mailwire.bench.harness;

import java.time.Duration;

/**
 * How one scenario is measured: a warm-up (not recorded; JIT, pool filling, TLS sessions), then {@code runs}
 * windows of {@code window} each. A window ends when its time is up and every thread has finished its message.
 */
public record Timing(Duration warmUp, Duration window, int runs) {

    public Timing withRuns(int runs) {
        return new Timing(warmUp, window, runs);
    }
}
