package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 sends from 16 threads through {@code @Inject Mailer} to a real Postfix with STARTTLS and AUTH: every message
 * arrives, over no more connections than {@code pool.max-size} (counted in Postfix's own log).
 */
@Timeout(300)
class ConcurrentSendsStayWithinPoolSizeTest {

    private static final int MESSAGES = 1_000;
    private static final int THREADS = 16;
    private static final int POOL_SIZE = 4;

    @Test
    void thousandSendsFromSixteenThreads() throws Exception {
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().user("app", "app-secret").start()) {
            Map<String, String> config = new HashMap<>(ServerSettings.of("<default>", postfix, "app"));
            config.put("mailwire.mailer.pool.max-size", String.valueOf(POOL_SIZE));
            // Retiring connections would open new ones: this test counts connections, so none is retired.
            config.put("mailwire.mailer.pool.max-messages-per-connection", String.valueOf(MESSAGES));
            config.put("mailwire.mailer.pool.max-lifetime", "PT10M");
            config.put("mailwire.mailer.pool.idle-timeout", "PT4M");
            config.put("mailwire.mailer.pool.acquire-timeout", "PT2M");
            Set<String> messageIds = new HashSet<>();
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                ExecutorService threads = Executors.newFixedThreadPool(THREADS);
                try {
                    List<Future<SendResult>> results = new ArrayList<>();
                    for (int i = 0; i < MESSAGES; i++) {
                        Mail mail = Mail.builder()
                                .to(postfix.address("inbox"))
                                .subject("message " + i)
                                .text("Body of message " + i + ".")
                                .build();
                        results.add(threads.submit(() -> mailer.send(mail)));
                    }
                    for (Future<SendResult> result : results) {
                        SendResult r = result.get(2, TimeUnit.MINUTES);
                        assertThat(r.allDelivered()).isTrue();
                        messageIds.add(r.messageId());
                    }
                } finally {
                    threads.shutdownNow();
                }
            }
            assertThat(messageIds).hasSize(MESSAGES);
            List<DeliveredMessage> delivered = postfix.awaitDelivered(MESSAGES, Duration.ofMinutes(2));
            assertThat(delivered)
                    .extracting(m -> m.messageId().orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(messageIds);
            assertThat(postfix.log().connections()).isBetween(1, POOL_SIZE);
            assertThat(postfix.log().peakConnectionsInUse()).isLessThanOrEqualTo(POOL_SIZE);
        }
    }
}
