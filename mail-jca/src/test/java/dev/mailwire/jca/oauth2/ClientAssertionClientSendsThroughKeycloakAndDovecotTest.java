package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Certificate credentials end to end: a client with no secret, authenticated at Keycloak by a client assertion
 * signed with its key (Keycloak's {@code client-jwt} checks it against the client's certificate), gets a token that
 * the Dovecot-checked Postfix takes with XOAUTH2, and the mail arrives. Keycloak logs the token as issued to that
 * client by the client-credentials grant.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class ClientAssertionClientSendsThroughKeycloakAndDovecotTest {

    @Test
    void mailArrivesWithATokenGrantedForASignedAssertion() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        postfix.clearObservations();
        long tokensBefore = stack.clientCredentialTokens(stack.jwtClientId());

        try (OAuthMailer mailer = new OAuthMailer(
                OAuthMailer.assertionFactory(stack, stack.jwtClientKeys()),
                PoolSettings.builder().maxSize(2))) {
            assertThat(mailer.send("client assertion 1").allDelivered()).isTrue();
            assertThat(mailer.send("client assertion 2").allDelivered()).isTrue();
        }

        assertThat(postfix.awaitDelivered(2, Duration.ofSeconds(60))).hasSize(2);
        assertThat(postfix.log().lines())
                .anyMatch(l -> l.contains("sasl_method=XOAUTH2")
                        && l.contains("sasl_username=" + OAuthStack.serviceAccount(stack.jwtClientId())));
        // Keycloak logs each issued token (CLIENT_LOGIN) a moment after answering.
        long tokens = stack.clientCredentialTokens(stack.jwtClientId());
        for (int i = 0; i < 50 && tokens <= tokensBefore; i++) {
            Thread.sleep(100);
            tokens = stack.clientCredentialTokens(stack.jwtClientId());
        }
        assertThat(tokens - tokensBefore).isEqualTo(1);
    }
}
