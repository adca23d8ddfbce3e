package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code send(MimeMessage)} with a Message-ID the caller set sends it unchanged: the result reports it, and Postfix's
 * Maildir holds it. Jakarta Mail's {@code saveChanges} would replace it with a fresh one on every send.
 */
@Timeout(120)
class SendMimeMessageKeepsItsMessageIdTest {

    private static final String MESSAGE_ID = "<order-4711.caller-chosen@shop.example.test>";

    @Test
    void theCallersMessageIdArrives() throws MessagingException {
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                        .user("app", "app-secret")
                        .deleteOnClose(true)
                        .start();
                TestConfig c = TestConfig.use(ServerSettings.of("<default>", postfix, "app"));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(postfix.address("app")));
            message.setRecipient(RecipientType.TO, new InternetAddress(postfix.address("ada")));
            message.setSubject("Built by the caller");
            message.setText("A MimeMessage with its own Message-ID.");
            message.setHeader("Message-ID", MESSAGE_ID);

            SendResult result =
                    container.select(DefaultMailerClient.class).get().mailer.send(message);

            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            assertThat(result.messageId()).isEqualTo(MESSAGE_ID);
            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.messageId()).contains(MESSAGE_ID);
        }
    }
}
