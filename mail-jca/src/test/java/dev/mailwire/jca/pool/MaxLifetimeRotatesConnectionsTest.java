package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.eventually;
import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A connection older than pool.max-lifetime is not reused: closed on return, on borrow or by the evictor. */
class MaxLifetimeRotatesConnectionsTest {

    @Test
    @Timeout(10)
    void connectionPastLifetimeIsClosedWhenReturned() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().maxLifetime(Duration.ofMillis(150))
                .evictionInterval(Duration.ofHours(1))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            first.close();
            FakeConnection reused = get(cm, mcf);
            assertThat(reused.mc).isSameAs(first.mc); // young: reused

            Thread.sleep(200); // in use past its lifetime
            reused.close();

            assertThat(first.mc.isDestroyed()).isTrue();
            assertThat(first.mc.cleanups.get()).isEqualTo(1); // only the first return cleaned up
            FakeConnection fresh = get(cm, mcf);
            assertThat(fresh.mc).isNotSameAs(first.mc);
            fresh.close();
        }
    }

    @Test
    @Timeout(10)
    void idleConnectionPastLifetimeIsNotHandedOut() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().maxLifetime(Duration.ofMillis(150))
                .evictionInterval(Duration.ofHours(1)) // only the borrow can notice
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            first.close();
            Thread.sleep(200);

            FakeConnection next = get(cm, mcf);

            assertThat(next.mc).isNotSameAs(first.mc);
            assertThat(first.mc.isDestroyed()).isTrue();
            next.close();
        }
    }

    @Test
    @Timeout(10)
    void evictorClosesIdleConnectionPastLifetime() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().maxLifetime(Duration.ofMillis(150))
                .evictionInterval(Duration.ofMillis(20))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            first.close();

            eventually(Duration.ofSeconds(3), first.mc::isDestroyed, "evictor closes the expired connection");
            assertThat(cm.stats().idle()).isZero();
        }
    }
}
