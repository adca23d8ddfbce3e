package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 200 sends from 8 threads through a pool of 4 to a real Postfix with STARTTLS + AUTH: every mail arrives, and
 * Postfix's own log shows at most 4 connections and 4 AUTHs. Reuse is proven by the server, not by our counters.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PooledSendsReuseConnectionsTest {

    @RegisterExtension
    static final PostfixForTheClass POSTFIX = new PostfixForTheClass();

    @Test
    void twoHundredSendsOverAtMostFourAuthenticatedConnections() throws Exception {
        PrivatePostfix postfix = POSTFIX.postfix();
        List<String> messageIds = new ArrayList<>();
        try (PostfixMailer mailer =
                new PostfixMailer(postfix, PoolSettings.builder().maxSize(4))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String subject = "pooled " + i;
                results.add(threads.submit(() -> mailer.sendToInbox(subject)));
            }
            for (Future<SendResult> f : results) {
                SendResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.allDelivered()).as(r.toString()).isTrue();
                assertThat(r.recipients())
                        .singleElement()
                        .satisfies(rr -> assertThat(rr.code()).isEqualTo(250));
                messageIds.add(r.messageId());
            }
            threads.shutdown();
        }

        List<DeliveredMessage> delivered = postfix.awaitDelivered(200, Duration.ofSeconds(60));
        assertThat(delivered).hasSize(200);
        assertThat(delivered.stream().map(m -> m.messageId().orElseThrow()))
                .containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(delivered).allSatisfy(m -> assertThat(m.receivedOverTls()).isTrue());

        // The pool is closed: every session has ended and Postfix has logged its counters.
        var sessions = postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(10));
        assertThat(postfix.log().connections()).isBetween(1, 4);
        assertThat(postfix.log().authentications()).isBetween(1, 4);
        assertThat(sessions.stream().mapToInt(s -> s.messages()).sum()).isEqualTo(200);
    }
}
