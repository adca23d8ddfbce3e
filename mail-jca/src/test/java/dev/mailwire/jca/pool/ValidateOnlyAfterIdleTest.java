package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Validation (an SMTP NOOP) runs only for a connection idle longer than pool.validate-after-idle: Postfix drops a
 * session after about 110 NOOPs, so quick reuse must not validate.
 */
class ValidateOnlyAfterIdleTest {

    @Test
    @Timeout(10)
    void quickReuseIsNeverValidated() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().validateAfterIdle(Duration.ofMillis(500)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            for (int i = 0; i < 200; i++) { // more than Postfix's junk-command limit
                get(cm, mcf).close();
            }

            assertThat(mcf.validations.get()).isZero();
            assertThat(mcf.created.get()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(10)
    void reuseAfterIdleIsValidatedOnce() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().validateAfterIdle(Duration.ofMillis(100)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            first.close();
            Thread.sleep(150);

            FakeConnection afterIdle = get(cm, mcf);
            afterIdle.close();
            get(cm, mcf).close(); // right away again: no second validation

            assertThat(afterIdle.mc).isSameAs(first.mc);
            assertThat(mcf.validations.get()).isEqualTo(1);
            assertThat(cm.stats().validationFailures()).isZero();
        }
    }

    @Test
    @Timeout(10)
    void invalidIdleConnectionIsReplaced() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings =
                quick().validateAfterIdle(Duration.ofMillis(100)).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            first.close();
            Thread.sleep(150);
            mcf.invalid = mc -> mc == first.mc; // the server closed it while idle

            FakeConnection next = get(cm, mcf);

            assertThat(next.mc).isNotSameAs(first.mc);
            assertThat(first.mc.isDestroyed()).isTrue();
            assertThat(cm.stats().validationFailures()).isEqualTo(1);
            next.close();
        }
    }
}
