package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.eventually;
import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11, finding 8: the idle queues are keyed by request info, which holds the password, and were never removed:
 * every rotated password or short-lived identity stayed in the pool's map for the life of the application. Once
 * an identity's idle connections are gone, the evictor drops its queue.
 */
class IdleQueuesOfGoneIdentitiesAreDroppedTest {

    @Test
    @Timeout(10)
    void queuesGoWithTheirLastIdleConnection() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().idleTimeout(Duration.ofMillis(100))
                .evictionInterval(Duration.ofMillis(20))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            for (int i = 0; i < 50; i++) {
                get(cm, mcf, new Identity("rotated-password-" + i)).close();
            }
            FakeConnection kept = get(cm, mcf, new Identity("current"));
            kept.close();

            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 0, "idle connections evicted");
            eventually(Duration.ofSeconds(3), () -> cm.idleQueues() == 0, "queues of gone identities dropped");

            // the identity still in use gets a queue again, and its connection is reused from it
            FakeConnection again = get(cm, mcf, new Identity("current"));
            FakeManagedConnection mc = again.mc;
            again.close();
            assertThat(cm.idleQueues()).isEqualTo(1);
            FakeConnection reused = get(cm, mcf, new Identity("current"));
            assertThat(reused.mc).isSameAs(mc);
            reused.close();
        }
    }
}
