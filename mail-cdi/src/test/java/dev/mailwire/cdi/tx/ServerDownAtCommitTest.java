package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SMTP server is down when the transaction commits: the commit succeeds, the mail is retried with back-off, and
 * it is delivered once the server is back, carrying the Message-ID {@code send} reported.
 */
@Timeout(60)
class ServerDownAtCommitTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    @Test
    void outboxDeliversOnceTheServerIsBack() throws Exception {
        SERVERS.postfix().clearObservations();
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            SendResult sent = sendWhileServerDown(app.mailer());

            OutboxAdmin admin = new OutboxAdmin(SERVERS.dataSource());
            OutboxEntry waiting = awaitAttempts(admin, sent.deferral().outboxEntry(), 2);
            assertThat(waiting.state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(waiting.lastError()).contains("refused");

            SERVERS.postfix().start();
            assertDeliveredWith(sent.messageId());
            MailOutcome outcome =
                    app.outcomes().await(1, Duration.ofSeconds(10)).get(0);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isGreaterThan(2);
        }
    }

    @Test
    void memoryDeliversOnceTheServerIsBack() throws Exception {
        SERVERS.postfix().clearObservations();
        Map<String, String> settings = TxSettings.fastRetries(TxSettings.postfix(SERVERS.postfix()));
        try (TestConfig config = TestConfig.use(settings);
                WeldContainer container = TxContainers.boot()) {
            SendResult sent = sendWhileServerDown(TxContainers.mailer(container));
            assertThat(sent.deferral().durable()).isFalse();

            Thread.sleep(1000); // a few failed attempts
            SERVERS.postfix().start();
            assertDeliveredWith(sent.messageId());
            assertThat(TxContainers.outcomes(container)
                            .await(1, Duration.ofSeconds(10))
                            .get(0)
                            .delivered())
                    .isTrue();
        }
    }

    private static SendResult sendWhileServerDown(Mailer mailer) throws Exception {
        SERVERS.postfix().stop();
        Mail mail = Mail.builder()
                .to(SERVERS.postfix().address("ada"))
                .subject("while down")
                .text("t")
                .build();
        // The commit itself must succeed: the outage is the dispatcher's problem, not the business transaction's.
        SendResult sent = Jta.inTransaction(() -> mailer.send(mail));
        assertThat(sent.isDeferred()).isTrue();
        return sent;
    }

    private static void assertDeliveredWith(String messageId) throws InterruptedException {
        DeliveredMessage delivered =
                SERVERS.postfix().awaitDelivered(1, Duration.ofSeconds(20)).get(0);
        assertThat(delivered.messageId()).contains(messageId);
        Thread.sleep(600);
        assertThat(SERVERS.postfix().delivered()).hasSize(1);
    }

    private static OutboxEntry awaitAttempts(OutboxAdmin admin, String id, int attempts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            OutboxEntry e = admin.entry(id).orElseThrow();
            if (e.attempts() >= attempts || System.nanoTime() > deadline) {
                assertThat(e.attempts()).isGreaterThanOrEqualTo(attempts);
                return e;
            }
            Thread.sleep(50);
        }
    }
}
