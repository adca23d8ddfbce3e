package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.Mail;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
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
 * Embedded, end to end: a mailer configured only with MicroProfile Config keys (the client secret in environment-
 * variable form) sends through Keycloak-issued tokens to the Dovecot-checked Postfix; with a wrong secret the send
 * fails as an authentication failure naming the mailer and the key, without the secret.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack
class OAuth2MailerSendsWithAdapterFetchedTokensTest {

    @Test
    void sendsWithTokensTheAdapterFetched() {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        postfix.clearObservations();
        try (TestConfig c = TestConfig.use(
                        settings(stack), Map.of(OAuth2TestSettings.SECRET_VARIABLE, stack.clientSecret()));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            var result =
                    container.select(DefaultMailerClient.class).get().mailer.send(mail(postfix));
            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
        }
        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0).authenticatedSender())
                .contains(OAuthStack.serviceAccount(stack.clientId()));
    }

    @Test
    void aWrongSecretFailsNamingTheMailerAndKey() {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        postfix.clearObservations();
        try (TestConfig c =
                        TestConfig.use(settings(stack), Map.of(OAuth2TestSettings.SECRET_VARIABLE, "no-such-secret"));
                WeldContainer container = Containers.boot(DefaultMailerClient.class)) {
            Throwable t = catchThrowable(() ->
                    container.select(DefaultMailerClient.class).get().mailer.send(mail(postfix)));
            assertThat(t).isInstanceOf(SmtpAuthenticationException.class);
            assertThat(t.getMessage())
                    .contains("<default>", "oauth2.client-secret", "nothing was sent")
                    .doesNotContain("no-such-secret");
        }
        assertThat(postfix.delivered()).isEmpty();
    }

    private static Mail mail(PrivatePostfix postfix) {
        return Mail.builder()
                .to(postfix.address("ada"))
                .subject("OAuth2 from CDI")
                .text("Authenticated with a token the resource adapter fetched.")
                .build();
    }

    private static Map<String, String> settings(OAuthStack stack) {
        Map<String, String> p = new HashMap<>(OAuth2TestSettings.of(stack));
        p.put("mailwire.mailer.transactional", "never");
        return p;
    }
}
