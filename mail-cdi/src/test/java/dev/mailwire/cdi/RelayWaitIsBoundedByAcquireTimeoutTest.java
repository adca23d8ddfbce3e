package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.mail;
import static dev.mailwire.cdi.ConcurrentSenders.pause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mailer;
import dev.mailwire.PoolExhaustedException;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A caller that queues in the relay because the only connection is busy waits no longer than
 * {@code pool.acquire-timeout}, as it would have waited for the pool: while the server sits on the first sender's
 * final dot, the second caller gets {@code PoolExhaustedException} after about that long, counted as the pool's
 * timeout, and the first sender still gets its result.
 */
@Timeout(60)
class RelayWaitIsBoundedByAcquireTimeoutTest {

    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(2);
    /** Longer than the acquire timeout and the bound asserted on it, shorter than the read timeout. */
    private static final Duration STALL = Duration.ofSeconds(7);

    @Test
    void queuedCallerGivesUpAfterTheAcquireTimeout() throws Exception {
        CountDownLatch contentArrived = new CountDownLatch(1);
        Behaviour stallFinalDot = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                contentArrived.countDown();
                pause(STALL);
                return Action.proceed();
            }
        };
        try (FakeSmtpServer server =
                FakeSmtpServer.builder().behaviour(stallFinalDot).start()) {
            Map<String, String> config = FakeServerSettings.of(FakeServerSettings.DEFAULT_MAILER, server);
            config.put("mailwire.mailer.pool.max-size", "1");
            config.put("mailwire.mailer.pool.acquire-timeout", ACQUIRE_TIMEOUT.toString());
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class, MonitorCatcher.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                CompletableFuture<SendResult> first = CompletableFuture.supplyAsync(() -> mailer.send(mail("first")));
                assertThat(contentArrived.await(20, TimeUnit.SECONDS)).isTrue();

                long start = System.nanoTime();
                assertThatThrownBy(() -> mailer.send(mail("second"))).isInstanceOf(PoolExhaustedException.class);
                Duration waited = Duration.ofNanos(System.nanoTime() - start);

                assertThat(waited).isGreaterThanOrEqualTo(ACQUIRE_TIMEOUT);
                assertThat(waited).isLessThan(ACQUIRE_TIMEOUT.plusSeconds(3));
                assertThat(first.isDone())
                        .as("first sender still waiting for its reply")
                        .isFalse();
                assertThat(first.get(30, TimeUnit.SECONDS).allDelivered()).isTrue();
                assertThat(container
                                .select(MonitorCatcher.class)
                                .get()
                                .get("<default>")
                                .stats()
                                .pool()
                                .timeouts())
                        .isEqualTo(1);
            }
            assertThat(server.messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("Subject: first"));
        }
    }
}
