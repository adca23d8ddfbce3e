package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.List;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 4xx reply is retried with back-off until the server accepts the mail. The 4xx is Postfix's own rate limit
 * ({@code 450 4.7.1 Error: too many recipients}), which lifts when its time unit has passed: the server counts the
 * refused attempts in its log, then the mail is delivered once, with its original Message-ID.
 */
@Timeout(60)
class TransientReplyRetriedUntilDeliveredTest {

    private static PrivatePostfix postfix;
    private static AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        postfix = PrivatePostfix.builder()
                .set("smtpd_client_recipient_rate_limit", "1")
                .set("anvil_rate_time_unit", "3s")
                .set("smtpd_client_event_limit_exceptions", "") // by default loopback is exempt
                .start();
        dataSource = Databases.h2();
        OutboxDataSource.current = dataSource;
    }

    @AfterAll
    static void stop() {
        dataSource.close();
        postfix.close();
    }

    @Test
    void retriedWithBackOffThenDelivered() throws Exception {
        try (TestConfig config = TestConfig.use(TxSettings.outbox(TxSettings.postfix(postfix)));
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            // Outside a transaction, sent now: it uses up the one recipient the server allows per 3 s.
            mailer.send(mail("uses up the rate"));
            postfix.awaitDelivered(1, Duration.ofSeconds(10));

            SendResult held = Jta.inTransaction(() -> mailer.send(mail("retried")));

            MailOutcome outcome = TxContainers.outcomes(container)
                    .await(1, Duration.ofSeconds(20))
                    .get(0);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isGreaterThan(1);
            List<DeliveredMessage> delivered = postfix.awaitDelivered(2, Duration.ofSeconds(10));
            assertThat(delivered)
                    .filteredOn(m -> m.subject().orElse("").equals("retried"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.messageId()).contains(held.messageId()));
            // Postfix logs each refusal of its rate limit (450 4.7.1) as a warning of its own.
            List<String> refusals = postfix.log().lines().stream()
                    .filter(l -> l.contains("Recipient address rate limit exceeded"))
                    .toList();
            assertThat(refusals).hasSize(outcome.attempts() - 1);
        }
    }

    private static Mail mail(String subject) {
        return Mail.builder()
                .to(postfix.address("ada"))
                .subject(subject)
                .text("t")
                .build();
    }
}
