package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pool full of idle connections of one identity closes one to serve another identity at once. */
class FullPoolOfOtherIdentityMakesRoomTest {

    @Test
    @Timeout(10)
    void idleConnectionOfAnotherIdentityIsClosedToMakeRoom() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().maxSize(2).acquireTimeout(Duration.ofSeconds(5)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection alice1 = get(cm, mcf, new Identity("alice"));
            FakeConnection alice2 = get(cm, mcf, new Identity("alice"));
            alice1.close();
            alice2.close();

            long start = System.nanoTime();
            FakeConnection bob = get(cm, mcf, new Identity("bob"));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(tookMillis).isLessThan(1_000); // no wait for the acquire timeout
            assertThat(bob.mc.cri).isEqualTo(new Identity("bob"));
            assertThat(alice1.mc.isDestroyed()).isTrue(); // the least recently used one went
            assertThat(alice2.mc.isDestroyed()).isFalse();
            assertThat(mcf.peakAlive.get()).isEqualTo(2);
            assertThat(cm.stats().acquireWaits()).isZero();
            bob.close();
        }
    }
}
