package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 16 threads hammer a pool of 4, some closing their handles on another thread, while connections rotate: never more
 * than 4 connections exist, and none is handed to two callers at once.
 */
class PoolNeverExceedsMaxSizeTest {

    @Test
    @Timeout(60)
    void sixteenThreadsNeverOpenMoreThanMaxSize() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        mcf.createDelayMillis = 2; // creation overlaps with borrowing and returning
        ExecutorService closers = Executors.newFixedThreadPool(4);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        // Rotation after 50 messages adds churn: connections are destroyed and created throughout.
        PoolSettings settings = quick().maxSize(4).maxMessagesPerConnection(50).build();
        try (EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, settings)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(senders.submit(() -> {
                    start.await();
                    for (int i = 0; i < 300; i++) {
                        FakeConnection c = get(cm, mcf);
                        c.send();
                        if (ThreadLocalRandom.current().nextInt(10) == 0) {
                            closers.submit(c::close).get(); // a handle closed on another thread
                        } else {
                            c.close();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get();
            }

            assertThat(mcf.peakAlive.get()).isLessThanOrEqualTo(4);
            assertThat(mcf.connections).noneMatch(mc -> mc.sharedAtOnce.get());
            PoolStats stats = cm.stats();
            assertThat(stats.inUse()).isZero();
            assertThat(stats.idle()).isEqualTo(mcf.alive.get()).isLessThanOrEqualTo(4);
            assertThat(stats.created()).isGreaterThanOrEqualTo(16 * 300 / 50); // 4,800 messages, 50 each at most
            assertThat(stats.timeouts()).isZero();
            assertThat(stats.acquireWaits()).isPositive();
        } finally {
            senders.shutdownNow();
            closers.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(mcf.alive.get()).isZero();
    }
}
