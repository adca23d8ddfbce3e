package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.eventually;
import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections idle for longer than pool.idle-timeout are closed by the evictor; busy ones are not. */
class IdleTimeoutEvictsTest {

    @Test
    @Timeout(10)
    void idleConnectionsAreClosedAfterIdleTimeout() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().idleTimeout(Duration.ofMillis(100))
                .evictionInterval(Duration.ofMillis(20))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection a = get(cm, mcf);
            FakeConnection b = get(cm, mcf, new Identity("alice"));
            FakeConnection busy = get(cm, mcf);
            a.close();
            b.close();

            eventually(Duration.ofSeconds(3), () -> cm.stats().idle() == 0, "idle connections evicted");
            assertThat(a.mc.isDestroyed()).isTrue();
            assertThat(b.mc.isDestroyed()).isTrue();
            assertThat(busy.mc.isDestroyed()).isFalse(); // in use: never the evictor's
            assertThat(cm.stats().destroyed()).isEqualTo(2);
            busy.close();
        }
    }

    @Test
    @Timeout(10)
    void recentlyUsedConnectionSurvives() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().idleTimeout(Duration.ofMillis(300))
                .evictionInterval(Duration.ofMillis(20))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection c = get(cm, mcf);
            FakeManagedConnection first = c.mc;
            c.close();
            for (int i = 0; i < 10; i++) { // 10 x 60 ms: twice the idle timeout, never idle for 300 ms
                Thread.sleep(60);
                c = get(cm, mcf);
                c.close();
            }
            assertThat(c.mc).isSameAs(first);
            assertThat(first.isDestroyed()).isFalse();
        }
    }
}
