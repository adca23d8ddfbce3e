package dev.mailwire.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.send.AsyncSender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With Jakarta Concurrency's defaults in JNDI, as in an application server, Mailwire's work runs on the server's
 * threads, and closing never stops them: the server stops its threads itself (and a managed executor's lifecycle
 * methods throw).
 */
@Timeout(30)
class ServerThreadsAreUsedWhenJndiHasThemTest {

    // The server's threads, told apart by their names; made before JNDI is installed, so our own kind serves.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(serverThreads("server-executor"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(serverThreads("server-scheduler"));
    private final ThreadFactory factory = serverThreads("server-factory");

    @AfterEach
    void stopTheServer() {
        // The server's own shutdown, which Mailwire must never call.
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void workRunsOnTheServersExecutorsWhichCloseLeavesRunning() throws Exception {
        try (ServerJndi jndi = server(factory)) {
            ContainerThreads<ExecutorService> async = ContainerThreads.executor("mailwire-async-x", 1, 1);
            ContainerThreads<ScheduledExecutorService> dispatch = ContainerThreads.scheduled("mailwire-outbox-x", 1);

            assertThat(async.managed()).isTrue();
            assertThat(dispatch.managed()).isTrue();
            assertThat(async.executor().submit(this::threadName).get(5, TimeUnit.SECONDS))
                    .startsWith("server-executor");
            assertThat(dispatch.executor()
                            .schedule(this::threadName, 1, TimeUnit.MILLISECONDS)
                            .get(5, TimeUnit.SECONDS))
                    .startsWith("server-scheduler");

            assertThat(async.close(Duration.ofSeconds(1))).isTrue();
            assertThat(dispatch.close(Duration.ofSeconds(1))).isTrue();
            assertThat(async.shutDown()).isFalse();
            assertThat(scheduler.isShutdown()).isFalse();
            assertThat(executor.submit(this::threadName).get(5, TimeUnit.SECONDS))
                    .startsWith("server-executor");
        }
    }

    @Test
    void sendAsyncRunsOnTheServersExecutor() throws Exception {
        try (ServerJndi jndi = server(factory);
                AsyncSender sender = AsyncSender.create("billing", 1, 1)) {
            assertThat(sender.submit(this::threadName).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .startsWith("server-executor");
        }
        assertThat(executor.isShutdown()).isFalse();
    }

    @Test
    void threadsComeFromTheServersFactoryOrOursWhenItMakesNone() {
        try (ServerJndi jndi = server(factory)) {
            assertThat(ContainerThreads.threadFactory("probe")
                            .newThread(() -> {})
                            .getName())
                    .startsWith("server-factory");
        }
        try (ServerJndi jndi = server(task -> null)) {
            Thread own = ContainerThreads.threadFactory("probe").newThread(() -> {});
            assertThat(own.getName()).isEqualTo("probe-1");
            assertThat(own.isDaemon()).isTrue();
        }
    }

    private ServerJndi server(ThreadFactory threadFactory) {
        return ServerJndi.with(Map.of(
                ContainerThreads.MANAGED_EXECUTOR, executor,
                ContainerThreads.MANAGED_SCHEDULED_EXECUTOR, scheduler,
                ContainerThreads.MANAGED_THREAD_FACTORY, threadFactory));
    }

    private static ThreadFactory serverThreads(String name) {
        return ContainerThreads.threadFactory(name);
    }

    private String threadName() {
        return Thread.currentThread().getName();
    }
}
