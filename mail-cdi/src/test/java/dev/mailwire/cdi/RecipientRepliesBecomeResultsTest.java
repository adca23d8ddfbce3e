package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mailwire.Mail;
import dev.mailwire.RecipientResult;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RCPT replies 250, 450 and 550 from a real Postfix become DELIVERED, DEFERRED and REJECTED with their codes, and
 * the message still reaches the accepted recipient (partial sending).
 */
@Timeout(120)
class RecipientRepliesBecomeResultsTest {

    @Test
    void eachRecipientGetsItsOwnResult() {
        try (PrivatePostfix postfix =
                        PrivatePostfix.builder().user("app", "app-secret").start();
                TestConfig c = TestConfig.use(ServerSettings.of("<default>", postfix, "app"));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            String ok = postfix.address("ada");
            String deferred = postfix.address("deferred");
            String rejected = postfix.address("rejected");

            SendResult result = container
                    .select(DefaultMailerClient.class)
                    .get()
                    .mailer
                    .send(Mail.builder()
                            .to(ok, deferred)
                            .cc(rejected)
                            .subject("Three replies")
                            .text("One of you gets this.")
                            .build());

            assertThat(result.recipients())
                    .extracting(RecipientResult::address, RecipientResult::status, RecipientResult::code)
                    .containsExactly(
                            tuple(ok, Status.DELIVERED, 250),
                            tuple(deferred, Status.DEFERRED, 450),
                            tuple(rejected, Status.REJECTED, 550));
            assertThat(result.withStatus(Status.REJECTED).get(0).reply()).contains("5.1.1");

            DeliveredMessage message =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(message.deliveredTo()).contains(ok);
            assertThat(message.messageId()).contains(result.messageId());
        }
    }
}
