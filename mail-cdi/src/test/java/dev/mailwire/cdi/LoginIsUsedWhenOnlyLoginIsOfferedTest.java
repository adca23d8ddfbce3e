package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With the default {@code auth-mechanisms}, a server that offers only AUTH LOGIN (Postfix's
 * {@code smtpd_sasl_mechanism_filter}; some older servers do) is authenticated with LOGIN, and Postfix's log names
 * that mechanism for the accepted mail. Preferring PLAIN must not mean requiring it.
 */
@Timeout(120)
class LoginIsUsedWhenOnlyLoginIsOfferedTest {

    @Test
    void authenticatesWithLogin() {
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                        .user("app", "app-secret")
                        .authMechanisms("LOGIN")
                        .deleteOnClose(true)
                        .start();
                TestConfig c = TestConfig.use(ServerSettings.of("<default>", postfix, "app"));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            SendResult result = container
                    .select(DefaultMailerClient.class)
                    .get()
                    .mailer
                    .send(Mail.builder()
                            .to(postfix.address("ada"))
                            .subject("AUTH LOGIN")
                            .text("Authenticated with the only mechanism offered.")
                            .build());

            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(postfix.log().awaitLine("sasl_method=LOGIN, sasl_username=app@", Duration.ofSeconds(10)))
                    .contains("sasl_method=LOGIN");
            assertThat(postfix.log().lines()).noneMatch(line -> line.contains("sasl_method=PLAIN"));
        }
    }
}
