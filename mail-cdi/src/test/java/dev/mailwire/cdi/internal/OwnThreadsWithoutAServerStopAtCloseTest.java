package dev.mailwire.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without Jakarta Concurrency in JNDI (Weld SE, a plain JVM) Mailwire's work runs on daemon threads of its own, named
 * after their use, and closing stops them: what has finished ends at once, what hangs is interrupted after the grace.
 */
@Timeout(30)
class OwnThreadsWithoutAServerStopAtCloseTest {

    @Test
    void ownExecutorsRunOnNamedDaemonsThatCloseStops() throws Exception {
        ContainerThreads<ExecutorService> async = ContainerThreads.executor("mailwire-async-x", 1, 1);
        ContainerThreads<ScheduledExecutorService> dispatch = ContainerThreads.scheduled("mailwire-outbox-x", 1);
        assertThat(async.managed()).isFalse();
        assertThat(dispatch.managed()).isFalse();

        Thread asyncThread = async.executor().submit(Thread::currentThread).get(5, TimeUnit.SECONDS);
        Thread dispatchThread = dispatch.executor()
                .schedule(Thread::currentThread, 1, TimeUnit.MILLISECONDS)
                .get(5, TimeUnit.SECONDS);
        assertThat(asyncThread.getName()).isEqualTo("mailwire-async-x-1");
        assertThat(dispatchThread.getName()).isEqualTo("mailwire-outbox-x-1");
        assertThat(asyncThread.isDaemon()).isTrue();
        assertThat(dispatchThread.isDaemon()).isTrue();

        assertThat(async.close(Duration.ofSeconds(5))).isTrue();
        assertThat(dispatch.close(Duration.ofSeconds(5))).isTrue();
        asyncThread.join(5_000);
        dispatchThread.join(5_000);
        assertThat(asyncThread.isAlive()).isFalse();
        assertThat(dispatchThread.isAlive()).isFalse();
        assertThat(async.shutDown()).isTrue();
    }

    @Test
    void workStillRunningAfterTheGraceIsInterrupted() throws Exception {
        ContainerThreads<ExecutorService> async = ContainerThreads.executor("mailwire-async-y", 1, 1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        async.executor().execute(() -> {
            worker.set(Thread.currentThread());
            running.countDown();
            try {
                new CountDownLatch(1).await(); // hangs, as a send to a black hole would
            } catch (InterruptedException e) {
                // what close does after the grace
            }
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(async.close(Duration.ofMillis(200))).isFalse();
        worker.get().join(5_000);
        assertThat(worker.get().isAlive()).isFalse();
    }

    @Test
    void threadFactoryMakesNamedDaemons() {
        Thread t = ContainerThreads.threadFactory("mailwire-health-probe").newThread(() -> {});
        assertThat(t.getName()).isEqualTo("mailwire-health-probe-1");
        assertThat(t.isDaemon()).isTrue();
    }
}
