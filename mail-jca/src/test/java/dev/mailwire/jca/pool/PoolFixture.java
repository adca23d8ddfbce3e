package dev.mailwire.jca.pool;

import static org.assertj.core.api.Assertions.fail;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionRequestInfo;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Shared test plumbing: short settings, typed allocation, and polling with a deadline. */
final class PoolFixture {

    private PoolFixture() {}

    /** Settings with test-sized durations; callers override what their behaviour needs. */
    static PoolSettings.Builder quick() {
        return PoolSettings.builder()
                .mailer("test")
                .maxSize(4)
                .idleTimeout(Duration.ofSeconds(30))
                .maxLifetime(Duration.ofMinutes(5))
                .acquireTimeout(Duration.ofSeconds(5))
                .validateAfterIdle(Duration.ofSeconds(30))
                .evictionInterval(Duration.ofMillis(20));
    }

    static FakeConnection get(EmbeddedConnectionManager cm, FakeManagedConnectionFactory mcf, ConnectionRequestInfo cri)
            throws ResourceException {
        return (FakeConnection) cm.allocateConnection(mcf, cri);
    }

    static FakeConnection get(EmbeddedConnectionManager cm, FakeManagedConnectionFactory mcf) throws ResourceException {
        return get(cm, mcf, null);
    }

    /** Polls every few milliseconds until the condition holds, failing with {@code what} after the deadline. */
    static void eventually(Duration within, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Not within " + within + ": " + what);
            }
            Thread.sleep(5);
        }
    }
}
