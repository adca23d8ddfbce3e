package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Idle connections are reused last-in first-out: the warmest TLS session first, the rest age out. */
class MostRecentlyUsedIsReusedTest {

    @Test
    @Timeout(10)
    void lastReturnedIsHandedOutFirst() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, quick().build())) {
            FakeConnection a = get(cm, mcf);
            FakeConnection b = get(cm, mcf);
            a.close();
            b.close();

            FakeConnection next = get(cm, mcf);

            assertThat(next.mc).isSameAs(b.mc);
            assertThat(b.mc.cleanups.get()).isEqualTo(1); // cleaned up on return, socket kept
            next.close();
        }
    }
}
