package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code tls=IMPLICIT} speaks TLS from the first byte (the port-465 style of RFC 8314): a Postfix in
 * {@code smtpd_tls_wrappermode} takes the mail, authenticated, and records that it came in over TLS. A client that
 * waited for a plaintext greeting, or tried STARTTLS, would get no mail through this server.
 */
@Timeout(120)
class ImplicitTlsSendsToAWrapperModeServerTest {

    @Test
    void mailArrivesOverTlsFromTheFirstByte() {
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                        .user("app", "app-secret")
                        .implicitTls()
                        .deleteOnClose(true)
                        .start();
                TestConfig c = TestConfig.use(merge(
                        ServerSettings.of("<default>", postfix, "app"), Map.of("mailwire.mailer.tls", "IMPLICIT")));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            String to = postfix.address("ada");

            SendResult result = container
                    .select(DefaultMailerClient.class)
                    .get()
                    .mailer
                    .send(Mail.builder()
                            .to(to)
                            .subject("Implicit TLS")
                            .text("Sent over TLS from the first byte.")
                            .build());

            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            DeliveredMessage message =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(message.receivedOverTls())
                    .as(message.header("Received").orElse(""))
                    .isTrue();
            assertThat(message.authenticatedSender()).contains("app@" + postfix.domain());
        }
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(base);
        all.putAll(overrides);
        return all;
    }
}
