package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.PoolExhaustedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With every connection in use for the whole acquire timeout, the caller learns which mailer, size and wait. */
class AcquireTimeoutGivesClearErrorTest {

    @Test
    @Timeout(10)
    void exhaustedPoolNamesMailerSizeAndWait() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        PoolSettings settings = quick().mailer("billing")
                .maxSize(2)
                .acquireTimeout(Duration.ofMillis(200))
                .build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            FakeConnection first = get(cm, mcf);
            FakeConnection second = get(cm, mcf);

            long start = System.nanoTime();
            PoolExhaustedException e = catchThrowableOfType(PoolExhaustedException.class, () -> get(cm, mcf));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(waitedMillis).isGreaterThanOrEqualTo(190);
            assertThat(e.mailer()).isEqualTo("billing");
            assertThat(e.getMessage())
                    .isEqualTo(
                            "MWJCA-301 Mailer 'billing': all 2 pooled SMTP connections stayed in use for PT0.2S"
                                    + " (pool.max-size=2, pool.acquire-timeout=PT0.2S). Raise pool.max-size or lower the load.");
            PoolStats stats = cm.stats();
            assertThat(stats.timeouts()).isEqualTo(1);
            assertThat(stats.acquireWaits()).isEqualTo(1);
            assertThat(stats.acquireWaitNanos())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
            assertThat(stats.inUse()).isEqualTo(2);

            first.close();
            second.close();
        }
    }

    @Test
    @Timeout(10)
    void waiterGetsTheConnectionReturnedByAnotherThread() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(1).build())) {
            FakeConnection held = get(cm, mcf);
            Thread closer = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                held.close();
            });
            closer.start();

            FakeConnection next = get(cm, mcf);

            assertThat(next.mc).isSameAs(held.mc);
            assertThat(cm.stats().acquireWaits()).isEqualTo(1);
            next.close();
            closer.join();
        }
    }
}
