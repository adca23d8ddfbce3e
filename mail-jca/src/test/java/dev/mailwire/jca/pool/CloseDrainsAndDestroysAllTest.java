package dev.mailwire.jca.pool;

import static dev.mailwire.jca.pool.PoolFixture.eventually;
import static dev.mailwire.jca.pool.PoolFixture.get;
import static dev.mailwire.jca.pool.PoolFixture.quick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerException;
import dev.mailwire.PoolExhaustedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** close() destroys idle connections at once, in-use ones when they come back (or at the drain deadline). */
class CloseDrainsAndDestroysAllTest {

    @Test
    @Timeout(10)
    void closeDestroysIdleAtOnceAndInUseOnReturn() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        EmbeddedConnectionManager cm =
                new EmbeddedConnectionManager(mcf, quick().mailer("closing").build());
        FakeConnection idle1 = get(cm, mcf);
        FakeConnection idle2 = get(cm, mcf, new Identity("alice"));
        FakeConnection busy = get(cm, mcf);
        idle1.close();
        idle2.close();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> cm.close(Duration.ofSeconds(5)));

        eventually(Duration.ofSeconds(3), () -> idle1.mc.isDestroyed() && idle2.mc.isDestroyed(), "idle destroyed");
        assertThat(cm.isClosed()).isTrue();
        assertThatThrownBy(() -> get(cm, mcf))
                .isInstanceOf(MailerException.class)
                .hasMessageContaining("'closing'")
                .hasMessageContaining("closed");
        assertThat(closing).isNotDone(); // still draining the busy one
        assertThat(busy.mc.isDestroyed()).isFalse();

        busy.close();

        closing.get(3, TimeUnit.SECONDS);
        assertThat(busy.mc.isDestroyed()).isTrue();
        assertThat(busy.mc.cleanups.get()).isZero(); // retired, not cleaned up for reuse
        assertThat(mcf.alive.get()).isZero();
        assertThat(cm.stats().inUse()).isZero();
        assertThat(cm.stats().idle()).isZero();
        assertThat(evictorThreadAlive("closing")).isFalse();
        cm.close(); // idempotent
    }

    @Test
    @Timeout(10)
    void connectionsStillInUseAtTheDrainDeadlineAreDestroyed() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        EmbeddedConnectionManager cm = new EmbeddedConnectionManager(mcf, quick().build());
        FakeConnection leaked = get(cm, mcf);

        cm.close(Duration.ofMillis(100));

        assertThat(leaked.mc.isDestroyed()).isTrue();
        assertThat(mcf.alive.get()).isZero();
        leaked.close(); // late close of a destroyed connection: ignored
        assertThat(leaked.mc.destroys.get()).isEqualTo(1);
    }

    @Test
    @Timeout(10)
    void callersWaitingForAConnectionFailFastOnClose() throws Exception {
        FakeManagedConnectionFactory mcf = new FakeManagedConnectionFactory();
        EmbeddedConnectionManager cm = new EmbeddedConnectionManager(
                mcf, quick().maxSize(1).acquireTimeout(Duration.ofSeconds(30)).build());
        FakeConnection held = get(cm, mcf);
        FutureTask<Object> waiter1 = new FutureTask<>(() -> cm.allocateConnection(mcf, null));
        FutureTask<Object> waiter2 = new FutureTask<>(() -> cm.allocateConnection(mcf, null));
        Thread t1 = new Thread(waiter1, "waiter-1");
        Thread t2 = new Thread(waiter2, "waiter-2");
        t1.start();
        t2.start();
        eventually(
                Duration.ofSeconds(3),
                () -> t1.getState() == Thread.State.TIMED_WAITING && t2.getState() == Thread.State.TIMED_WAITING,
                "both callers wait for the one connection");

        cm.close(Duration.ofMillis(50));

        for (FutureTask<Object> waiter : List.of(waiter1, waiter2)) {
            assertThatThrownBy(() -> waiter.get(3, TimeUnit.SECONDS)) // not the 30 s acquire timeout
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(MailerException.class)
                    .isNotInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("closed");
        }
        assertThat(held.mc.isDestroyed()).isTrue();
    }

    private static boolean evictorThreadAlive(String mailer) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("mailwire-pool-" + mailer) && t.isAlive());
    }
}
