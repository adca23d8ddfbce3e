package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.PoolExhaustedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events that arrive twice, late, or for a destroyed connection change nothing: no slot is freed twice. */
class DuplicateEventsAreHarmlessTest {

    @Test
    @Timeout(10)
    void repeatedAndLateEventsNeverInflateThePool() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().maxSize(2).acquireTimeout(Duration.ofMillis(100)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection a = get(cm, mcf);
            a.close();
            a.close(); // closed twice
            a.fail(); // error for a connection that is now idle: destroyed, no slot freed twice
            a.fail();
            FakeConnection b = get(cm, mcf);
            b.fail();
            b.fail(); // error twice
            b.close(); // close after the error

            assertThat(a.mc.destroys.get()).isEqualTo(1);
            assertThat(b.mc.destroys.get()).isEqualTo(1);
            assertThat(cm.stats().connectionErrors()).isEqualTo(2);

            // Exactly maxSize connections can be had; one more waits and times out.
            FakeConnection c = get(cm, mcf);
            FakeConnection d = get(cm, mcf);
            assertThatThrownBy(() -> get(cm, mcf)).isInstanceOf(PoolExhaustedException.class);
            c.close();
            d.close();
            assertThat(cm.stats().inUse()).isZero();
            assertThat(cm.stats().idle()).isEqualTo(2);
        }
    }
}
