package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.SmtpAuthenticationException;
import jakarta.resource.ResourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The factory's failure to open a connection reaches the caller as thrown, and frees the slot it took. */
class CreateFailurePropagatesUnchangedTest {

    @Test
    @Timeout(10)
    void resourceExceptionIsThrownAsIsAndSlotIsFreed() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        ResourceException refused = new ResourceException("Mailer 'test': connection refused");
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(1).build())) {
            mcf.createFailure.set(refused);
            for (int i = 0; i < 3; i++) { // more failures than slots: none leaks
                assertThat(catchThrowable(() -> get(cm, mcf))).isSameAs(refused);
            }
            mcf.createFailure.set(null);

            FakeConnection c = get(cm, mcf);

            assertThat(c).isNotNull();
            assertThat(cm.stats().inUse()).isEqualTo(1);
            c.close();
        }
    }

    @Test
    @Timeout(10)
    void mailerExceptionIsNotWrapped() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        SmtpAuthenticationException denied = new SmtpAuthenticationException(
                "test", "Mailer 'test': AUTH PLAIN rejected (535); check username", null);
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(1).build())) {
            mcf.createFailure.set(denied);

            assertThat(catchThrowable(() -> get(cm, mcf))).isSameAs(denied);
            assertThat(cm.stats().inUse()).isZero();
            assertThat(cm.stats().created()).isZero();
        }
    }
}
