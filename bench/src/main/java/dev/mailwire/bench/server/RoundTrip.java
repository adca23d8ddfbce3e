package dev.mailwire.bench.server;

import java.time.Duration;

/**
 * A server reached through a {@link DelayLink}: the round-trip dimension of issue 12.
 *
 * @param rtt the round-trip time the link adds (half each way)
 * @param target what clients connect to: the link's port, the server's TLS and credentials
 */
public record RoundTrip(Duration rtt, Target target) {

    public long millis() {
        return rtt.toMillis();
    }
}
