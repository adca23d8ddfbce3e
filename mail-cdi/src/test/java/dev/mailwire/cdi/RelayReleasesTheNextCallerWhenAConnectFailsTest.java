package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.mail;
import static dev.mailwire.cdi.ConcurrentSenders.pause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two callers queue in the relay behind the only connection, which then breaks. The first of them, told to take a
 * connection from the pool, cannot open one (the server refuses the greeting); the pool is free again, so the second
 * must be told to try the pool too, at once, and learn why there is no connection, not stay queued until
 * {@code pool.acquire-timeout} and then be told, wrongly, that every connection was in use.
 */
@Timeout(60)
class RelayReleasesTheNextCallerWhenAConnectFailsTest {

    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(20);
    /** How long the server sits on the first mail: the other two callers queue meanwhile. */
    private static final Duration STALL = Duration.ofSeconds(2);

    @Test
    void secondQueuedCallerIsNotLeftWaiting() throws Exception {
        CountDownLatch firstContent = new CountDownLatch(1);
        Behaviour fault = new Behaviour() {
            @Override
            public Action onConnect(SmtpConnection c) {
                return c.index() == 1 ? Action.replyAndClose(554, "5.3.2 no service for now") : Action.proceed();
            }

            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                if (c.index() != 0) {
                    return Action.proceed();
                }
                firstContent.countDown();
                pause(STALL);
                return Action.close();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try (FakeSmtpServer server = FakeSmtpServer.builder().behaviour(fault).start()) {
            Map<String, String> config = FakeServerSettings.of(FakeServerSettings.DEFAULT_MAILER, server);
            config.put("mailwire.mailer.pool.max-size", "1");
            config.put("mailwire.mailer.pool.acquire-timeout", ACQUIRE_TIMEOUT.toString());
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class, MonitorCatcher.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                Future<SendResult> first = threads.submit(() -> mailer.send(mail("first")));
                assertThat(firstContent.await(20, TimeUnit.SECONDS)).isTrue();
                List<Future<SendResult>> queued = new ArrayList<>();
                queued.add(threads.submit(() -> mailer.send(mail("second"))));
                queued.add(threads.submit(() -> mailer.send(mail("third"))));

                assertThat(outcome(first, STALL.plusSeconds(10))).isNotNull();
                long afterFirst = System.nanoTime();
                List<Object> outcomes = new ArrayList<>();
                for (Future<SendResult> f : queued) {
                    outcomes.add(outcome(f, ACQUIRE_TIMEOUT.plusSeconds(10)));
                }
                Duration waited = Duration.ofNanos(System.nanoTime() - afterFirst);

                // Both learn why there is no connection (the second from the pool's connect back-off), at once.
                assertThat(outcomes)
                        .as("what the queued callers got")
                        .allMatch(o -> o instanceof SmtpConnectionException);
                assertThat(waited).isLessThan(ACQUIRE_TIMEOUT.dividedBy(2));
                assertThat(container
                                .select(MonitorCatcher.class)
                                .get()
                                .get("<default>")
                                .stats()
                                .pool()
                                .timeouts())
                        .isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The result of the send, or what it threw. */
    private static Object outcome(Future<SendResult> send, Duration within) throws Exception {
        try {
            return send.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
