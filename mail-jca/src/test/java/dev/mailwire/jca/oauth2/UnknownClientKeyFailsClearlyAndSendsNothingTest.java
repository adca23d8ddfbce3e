package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client assertion signed with a key whose certificate Keycloak does not have for the client (a new key pair,
 * not registered): the token endpoint refuses the client, and the send fails within the token timeout as an
 * authentication failure naming the mailer, the refusal and the key store setting to check; nothing reaches
 * Postfix; neither the password nor a JWT is in the message.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class UnknownClientKeyFailsClearlyAndSendsNothingTest {

    @TempDir
    Path dir;

    @Test
    void keycloakRefusesTheClientAndNothingIsSent() {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        ClientKeyStore unknown = ClientKeyStore.create(dir.resolve("unknown.p12"), "RSA", "2048");
        var f = OAuthMailer.assertionFactory(stack, unknown);
        f.setMailerName("unknown-key");
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder().maxSize(2))) {
            long start = System.nanoTime();
            Throwable[] thrown = new Throwable[1];
            assertThatThrownBy(() -> mailer.send("must not arrive"))
                    .isInstanceOf(SmtpAuthenticationException.class)
                    .satisfies(t -> thrown[0] = t);
            // oauth2.token-timeout is PT10S: one request, no retry loop.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(thrown[0].getMessage())
                    .contains(
                            "unknown-key",
                            "MWJCA-116",
                            "refused the client_credentials grant",
                            "invalid_client",
                            "oauth2.client-assertion.key-store",
                            "x5t#S256=",
                            "nothing was sent")
                    .doesNotContain(ClientKeyStore.PASSWORD)
                    .doesNotMatch("(?s).*eyJ[\\w-]+\\.[\\w-]+\\..*");
        }
        assertThat(stack.postfix().delivered()).isEmpty();
        assertThat(stack.postfix().log().authentications()).isZero();
    }
}
