package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CONNECTION_ERROR_OCCURRED destroys the connection and frees its slot, even in a storm of errors. */
class ConnectionErrorDestroysConnectionTest {

    @Test
    @Timeout(10)
    void failedConnectionIsDestroyedAndNotReused() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(1).build())) {
            FakeConnection broken = get(cm, mcf);
            broken.fail();

            assertThat(broken.mc.isDestroyed()).isTrue();
            assertThat(broken.mc.cleanups.get()).isZero();
            FakeConnection next = get(cm, mcf); // the only slot is free again
            assertThat(next.mc).isNotSameAs(broken.mc);
            next.close();
            assertThat(cm.stats().connectionErrors()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(60)
    void stormOfErrorsLeavesNothingInUse() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        AtomicLong failures = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().maxSize(3).build())) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        FakeConnection c = get(cm, mcf);
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            failures.incrementAndGet();
                            c.fail();
                            c.close(); // the handle is closed after the error, as a real one would be
                        } else {
                            c.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }

            PoolStats stats = cm.stats();
            assertThat(stats.inUse()).isZero();
            assertThat(stats.connectionErrors()).isEqualTo(failures.get());
            assertThat(stats.created() - stats.destroyed()).isEqualTo(stats.idle());
            assertThat(mcf.alive.get()).isEqualTo(stats.idle());
            assertThat(mcf.peakAlive.get()).isLessThanOrEqualTo(3);
            assertThat(mcf.connections).allMatch(mc -> mc.destroys.get() <= 1);
        } finally {
            threads.shutdownNow();
        }
    }
}
