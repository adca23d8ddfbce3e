package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Must-show 4: a wrong client secret, a token of another realm, a token endpoint that is down or silent. Each fails
 * within its bound, as an authentication failure naming the mailer and what to check; nothing reaches the server's
 * mailbox; no secret is in the message.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TokenFailuresAreBoundedAndActionableTest {

    private OAuthStack stack;

    @BeforeEach
    void stack() {
        stack = OAuthStack.shared();
        stack.postfix().clearObservations();
    }

    @Test
    void aWrongSecretNamesTheClientSettings() {
        String message = failure(f -> f.setOauth2ClientSecret("not-the-secret"), Duration.ofSeconds(10));
        assertThat(message)
                .contains("oauth-smtp-client", "HTTP 401", "oauth2.client-secret", "nothing was sent")
                .doesNotContain("not-the-secret");
    }

    @Test
    void aTokenOfAnotherRealmIsRefusedWithTheServersErrorChallenge() {
        String message = failure(
                f -> {
                    f.setOauth2TokenEndpoint(stack.tokenEndpoint("other"));
                    f.setOauth2ClientSecret(stack.otherRealmSecret());
                },
                Duration.ofSeconds(10));
        // Dovecot's RFC 7628 error challenge, decoded: {"status":"401","schemes":"bearer","scope":"mail"}
        assertThat(message)
                .contains("oauth-smtp-client", "refused the OAuth2 access token", "status=401", "scope=mail", "535")
                .doesNotContain(stack.otherRealmSecret());
    }

    @Test
    void aTokenEndpointThatIsDownFailsAtOnce() {
        String message = failure(f -> f.setOauth2TokenEndpoint(OAuthStack.deadEndpoint()), Duration.ofSeconds(5));
        assertThat(message).contains("refused the connection", "oauth2.token-endpoint", "nothing was sent");
    }

    @Test
    void aSilentTokenEndpointFailsAtTheTokenTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(30_000); // reads nothing, answers nothing
                } catch (Exception e) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String message = failure(
                    f -> {
                        f.setOauth2TokenEndpoint("http://127.0.0.1:" + silent.getLocalPort() + "/token");
                        f.setOauth2TokenTimeout("PT2S");
                    },
                    Duration.ofSeconds(6));
            assertThat(message).contains("did not answer within PT2S", "oauth2.token-timeout");
        }
    }

    /** Sends once with the changed factory; returns the failure's message after checking its type and time. */
    private String failure(Consumer<MailManagedConnectionFactory> change, Duration bound) {
        MailManagedConnectionFactory f = OAuthMailer.factory(stack, stack.clientId(), stack.clientSecret());
        change.accept(f);
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder().maxSize(2))) {
            long start = System.nanoTime();
            Throwable[] thrown = new Throwable[1];
            String subject = "must not arrive " + UUID.randomUUID();
            assertThatThrownBy(() -> mailer.send(subject))
                    .isInstanceOf(SmtpAuthenticationException.class)
                    .satisfies(t -> thrown[0] = t);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
            // This mail's subject, not "nothing delivered": on a loaded machine the previous class's mail can still
            // reach the shared Postfix's Maildir after clearObservations().
            assertThat(stack.postfix().delivered())
                    .noneMatch(m -> m.subject().orElse("").equals(subject));
            String text = thrown[0].getMessage();
            assertThat(text).doesNotContain(stack.clientSecret()).doesNotMatch("(?s).*eyJ[\\w-]+\\.[\\w-]+\\..*");
            return text;
        }
    }
}
