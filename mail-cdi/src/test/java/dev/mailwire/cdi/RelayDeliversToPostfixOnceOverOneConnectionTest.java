package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.bare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.ConcurrentSenders.Outcome;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay against a real Postfix with STARTTLS and AUTH: eight threads share a pool of one connection, final dots
 * going out with the next envelope inside TLS. Every mail lands in the Maildir exactly once, and Postfix's own log
 * shows one connection.
 */
@Timeout(180)
class RelayDeliversToPostfixOnceOverOneConnectionTest {

    private static final int THREADS = 8;
    private static final int MAILS_PER_THREAD = 10;

    @Test
    void eightThreadsShareOneConnectionToPostfix() throws Exception {
        try (PrivatePostfix postfix =
                PrivatePostfix.builder().user("app", "app-secret").start()) {
            Map<String, String> config = ServerSettings.of(FakeServerSettings.DEFAULT_MAILER, postfix, "app");
            config.put("mailwire.mailer.pool.max-size", "1");
            // This test counts connections: none may be retired or expire while it runs.
            config.put("mailwire.mailer.pool.max-messages-per-connection", "10000");
            config.put("mailwire.mailer.pool.max-lifetime", "PT10M");
            config.put("mailwire.mailer.pool.idle-timeout", "PT4M");
            List<Outcome> outcomes;
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                outcomes = ConcurrentSenders.send(
                        mailer, THREADS, MAILS_PER_THREAD, id -> mail(postfix, id), Duration.ofSeconds(120));
            }

            assertThat(outcomes).hasSize(THREADS * MAILS_PER_THREAD).allSatisfy(o -> {
                assertThat(o.error()).as("error of %s", o.messageId()).isNull();
                assertThat(o.delivered()).isTrue();
            });
            List<DeliveredMessage> delivered =
                    postfix.awaitDelivered(THREADS * MAILS_PER_THREAD, Duration.ofSeconds(60));
            assertThat(delivered)
                    .extracting(m -> bare(m.messageId()))
                    .containsExactlyInAnyOrderElementsOf(
                            outcomes.stream().map(o -> bare(o.messageId())).toList());
            // The mailer closed with its container: Postfix has logged the session's end and what it queued in it.
            List<SmtpSession> sessions = postfix.log().awaitEnded(1, Duration.ofSeconds(30));
            assertThat(postfix.log().connections()).isEqualTo(1);
            assertThat(sessions.get(0).messages()).isEqualTo(THREADS * MAILS_PER_THREAD);
        }
    }

    private static Mail mail(PrivatePostfix postfix, String messageId) {
        return Mail.builder()
                .to(postfix.address("inbox"))
                .messageId(messageId)
                .subject("relayed " + messageId)
                .text("Body of " + messageId + ".")
                .build();
    }
}
