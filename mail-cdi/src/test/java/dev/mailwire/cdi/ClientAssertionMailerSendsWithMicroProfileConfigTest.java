package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Embedded, end to end, with certificate credentials: a mailer configured only with MicroProfile Config keys (the
 * key store path in property form, its password in environment-variable form, no client secret) sends through a
 * token Keycloak granted for a client assertion, to the Dovecot-checked Postfix.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack
class ClientAssertionMailerSendsWithMicroProfileConfigTest {

    @Test
    void sendsWithATokenGrantedForASignedAssertion() {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        postfix.clearObservations();
        Map<String, String> p = new HashMap<>(OAuth2TestSettings.of(stack));
        p.put("mailwire.mailer.transactional", "never");
        p.put("mailwire.mailer.username", OAuthStack.serviceAccount(stack.jwtClientId()));
        p.put("mailwire.mailer.oauth2.client-id", stack.jwtClientId());
        p.put(
                "mailwire.mailer.oauth2.client-assertion.key-store",
                stack.jwtClientKeys().file().toString());
        try (TestConfig c = TestConfig.use(
                        p,
                        Map.of("MAILWIRE_MAILER_OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD", ClientKeyStore.PASSWORD));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            Mail mail = Mail.builder()
                    .to(postfix.address("ada"))
                    .subject("Certificate credentials from CDI")
                    .text("Authenticated with a token granted for a client assertion.")
                    .build();
            var result =
                    container.select(DefaultMailerClient.class).get().mailer.send(mail);
            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
        }
        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0).authenticatedSender())
                .contains(OAuthStack.serviceAccount(stack.jwtClientId()));
    }
}
