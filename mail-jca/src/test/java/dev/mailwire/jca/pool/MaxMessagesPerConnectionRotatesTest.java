package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@link MessageCounter} connection is retired once it has sent pool.max-messages-per-connection messages. */
class MaxMessagesPerConnectionRotatesTest {

    @Test
    @Timeout(10)
    void connectionIsReplacedAfterItsAllowance() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(
                mcf, quick().maxMessagesPerConnection(3).build())) {
            FakeConnection c = get(cm, mcf);
            FakeManagedConnection first = c.mc;
            for (int i = 0; i < 3; i++) {
                assertThat(c.mc).isSameAs(first);
                assertThat(first.isDestroyed()).isFalse();
                c.send();
                c.close();
                c = get(cm, mcf);
            }

            assertThat(first.isDestroyed()).isTrue();
            assertThat(first.messagesSent()).isEqualTo(3);
            assertThat(c.mc).isNotSameAs(first);
            c.close();
            assertThat(mcf.created.get()).isEqualTo(2);
        }
    }

    @Test
    @Timeout(10)
    void severalMessagesInOneBorrowCountToo() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(
                mcf, quick().maxMessagesPerConnection(3).build())) {
            FakeConnection c = get(cm, mcf);
            for (int i = 0; i < 5; i++) {
                c.send();
            }
            c.close();

            assertThat(c.mc.isDestroyed()).isTrue();
            assertThat(cm.stats().idle()).isZero();
        }
    }
}
