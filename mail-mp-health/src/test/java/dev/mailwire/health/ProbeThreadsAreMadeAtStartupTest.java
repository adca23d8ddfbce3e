package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.Secrets;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe threads are all made when the application starts, on its thread, and never on the thread that asks for a
 * probe: a server's managed thread factory gives a thread the context of the thread that asks for it, and readiness
 * asks from the server's health endpoint (on Payara a module of the server's own, whose context a worker cannot set
 * up). Probes asked for from another thread run on those threads.
 */
@Timeout(30)
class ProbeThreadsAreMadeAtStartupTest {

    private static final HealthSettings SETTINGS = new HealthSettings(
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            java.util.OptionalLong.empty(),
            java.util.Optional.empty());

    @Test
    void threadsAreMadeOnTheStartingThreadOnly() throws Exception {
        List<Thread> askedFrom = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        ThreadFactory factory = r -> {
            askedFrom.add(Thread.currentThread());
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
        List<MailerMonitor> mailers = IntStream.range(0, 3)
                .mapToObj(i -> new MailerMonitor(
                        MailerTarget.smtp("m" + i, "127.0.0.1", 25, "NONE"),
                        Secrets.none(),
                        null,
                        () -> ranOn.add(Thread.currentThread()),
                        Clock.systemUTC()))
                .toList();

        try (ProbeThreads threads = ProbeThreads.start(factory, mailers.size())) {
            assertThat(askedFrom).hasSize(3).containsOnly(Thread.currentThread());

            // As a health endpoint's request thread would: all three mailers probed at once.
            CompletableFuture<List<Evidence>> polled =
                    CompletableFuture.supplyAsync(() -> mailers.stream()
                            .map(m -> new ProbeGate(m, Clock.systemUTC()).evidence(SETTINGS, threads))
                            .toList()
                            .stream()
                            .map(f -> f.orTimeout(5, TimeUnit.SECONDS).join())
                            .toList());

            assertThat(polled.get(10, TimeUnit.SECONDS)).hasSize(3).allMatch(Evidence::ok);
            assertThat(askedFrom).hasSize(3).containsOnly(Thread.currentThread());
            assertThat(ranOn).hasSize(3).allMatch(t -> t.getName().startsWith(ProbeThreads.NAME));
            assertThat(threads.usable()).isTrue();
        }
    }
}
