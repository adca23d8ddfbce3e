package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 4xx reply to the final dot (the server had the whole message and refused it for now) is retried with back-off;
 * the server sees the very same bytes on every attempt — the stored message, its Message-ID included — and the
 * mail counts as delivered once the server accepts it. A 5xx reply to the final dot dead-letters at once.
 */
@Timeout(60)
class FinalDotDeferredThenAcceptedTest {

    @Test
    void sameBytesOnEveryAttemptUntilAccepted() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        Behaviour twiceLater = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                return refused.getAndIncrement() < 2 ? Action.reply(451, "4.3.0 try again later") : Action.proceed();
            }
        };
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(twiceLater).start();
                AgroalDataSource ds = Databases.h2()) {
            OutboxDataSource.current = ds;
            try (TestConfig config = TestConfig.use(settings(server));
                    WeldContainer container = TxContainers.boot()) {
                SendResult held =
                        Jta.inTransaction(() -> TxContainers.mailer(container).send(mail()));

                MailOutcome outcome = TxContainers.outcomes(container)
                        .await(1, Duration.ofSeconds(20))
                        .get(0);
                assertThat(outcome.delivered()).isTrue();
                assertThat(outcome.attempts()).isEqualTo(3);
                List<ReceivedMessage> seen = server.messages();
                assertThat(seen).hasSize(3);
                assertThat(server.commandCount("DATA")).isEqualTo(3);
                assertThat(seen).allSatisfy(m -> {
                    assertThat(m.messageId()).contains(held.messageId());
                    assertThat(m.content()).isEqualTo(seen.get(0).content());
                });
            }
        }
    }

    @Test
    void permanentRefusalOfTheMessageIsNotRetried() throws Exception {
        Behaviour never = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                return Action.reply(554, "5.6.0 content refused");
            }
        };
        try (FakeSmtpServer server = FakeSmtpServer.builder().behaviour(never).start();
                AgroalDataSource ds = Databases.h2()) {
            OutboxDataSource.current = ds;
            try (TestConfig config = TestConfig.use(settings(server));
                    WeldContainer container = TxContainers.boot()) {
                Jta.inTransaction(() -> TxContainers.mailer(container).send(mail()));

                MailOutcome outcome = TxContainers.outcomes(container)
                        .await(1, Duration.ofSeconds(20))
                        .get(0);
                assertThat(outcome.outcome()).isEqualTo(MailOutcome.Outcome.DEAD_LETTERED);
                Thread.sleep(1000); // five poll intervals
                assertThat(server.commandCount("DATA")).isEqualTo(1);
            }
        }
    }

    private static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = TxSettings.fakeServer(server);
        return TxSettings.outbox(p);
    }

    private static Mail mail() {
        return Mail.builder()
                .to("ada@example.org")
                .subject("order")
                .text("thanks")
                .build();
    }
}
