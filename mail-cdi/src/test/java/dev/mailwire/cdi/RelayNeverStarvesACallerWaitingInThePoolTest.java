package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.mail;
import static dev.mailwire.cdi.ConcurrentSenders.pause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mailer;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay hands the only connection from sender to sender for as long as senders keep queueing, but a caller that
 * waits in the pool itself is not left behind that chain: here the readiness probe, which borrows a connection from
 * the pool directly, while six threads send without pause. A sender that finds a caller waiting in the pool gives
 * the connection back to the pool instead of handing it on, so the probe gets it within a few mails, not after
 * {@code pool.acquire-timeout} (found by reading: before, the chain never ended under such a load, and the probe,
 * or a sender that had found the pool free a moment before another took it, waited the whole acquire-timeout and
 * failed).
 */
@Timeout(60)
class RelayNeverStarvesACallerWaitingInThePoolTest {

    private static final int SENDERS = 6;
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(4);
    /** Each final dot answered after this: long enough for every sender to queue behind the one sending. */
    private static final Duration PER_MAIL = Duration.ofMillis(15);

    @Test
    void probeGetsTheConnectionWhileSendersKeepQueueing() throws Exception {
        Behaviour slowDot = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                pause(PER_MAIL);
                return Action.proceed();
            }
        };
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                .startTls(false)
                .requireTls(false)
                .behaviour(slowDot)
                .start()) {
            Map<String, String> config = FakeServerSettings.withoutAuth(FakeServerSettings.DEFAULT_MAILER, server);
            config.put("mailwire.mailer.tls", "NONE");
            config.put("mailwire.mailer.pool.max-size", "1");
            config.put("mailwire.mailer.pool.acquire-timeout", ACQUIRE_TIMEOUT.toString());
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class, MonitorCatcher.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                MailerMonitor monitor = null;
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger sent = new AtomicInteger();
                ExecutorService threads = Executors.newFixedThreadPool(SENDERS);
                List<Future<?>> senders = new ArrayList<>();
                try {
                    for (int i = 0; i < SENDERS; i++) {
                        senders.add(threads.submit(() -> {
                            while (!stop.get()) {
                                mailer.send(mail("load"));
                                sent.incrementAndGet();
                            }
                            return null;
                        }));
                    }
                    while (sent.get() < 20) {
                        pause(Duration.ofMillis(10)); // the chain is running: senders queue behind each other
                    }
                    // The monitor exists once the mailer has started, at its first send.
                    monitor = container.select(MonitorCatcher.class).get().get("<default>");

                    long start = System.nanoTime();
                    Evidence probed = monitor.probe();
                    Duration waited = Duration.ofNanos(System.nanoTime() - start);

                    assertThat(probed.ok()).as("probe: %s", probed).isTrue();
                    assertThat(waited).isLessThan(ACQUIRE_TIMEOUT.dividedBy(2));
                } finally {
                    stop.set(true);
                    threads.shutdown();
                    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                }
                for (Future<?> f : senders) {
                    f.get(); // no sender failed, none waited out the acquire-timeout either
                }
                assertThat(monitor.stats().pool().timeouts()).isZero();
            }
        }
    }
}
