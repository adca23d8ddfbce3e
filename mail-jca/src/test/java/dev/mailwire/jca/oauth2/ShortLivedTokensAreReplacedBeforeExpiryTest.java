package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Must-show 2: with access tokens that live {@value OAuthStack#SHORT_LIFESPAN_SECONDS} s, mail sent steadily across
 * several lifespans never fails. New tokens are fetched before the old ones expire (more than one issued), pooled
 * connections are retired once their token expired (more than one connection), and no AUTH fails at Postfix: no
 * connection ever authenticated with an expired token.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ShortLivedTokensAreReplacedBeforeExpiryTest {

    @Test
    void sendingAcrossThreeLifespansNeverFails() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        long before = stack.clientCredentialTokens(stack.shortClientId());
        int sent = 0;
        try (OAuthMailer mailer = new OAuthMailer(
                stack.shortClientId(),
                stack.shortClientSecret(),
                PoolSettings.builder().maxSize(2))) {
            long end = System.nanoTime()
                    + Duration.ofSeconds(3L * OAuthStack.SHORT_LIFESPAN_SECONDS).toNanos();
            while (System.nanoTime() < end) {
                assertThat(mailer.send("short-lived " + sent).allDelivered()).isTrue();
                sent++;
                Thread.sleep(400);
            }
        }
        assertThat(stack.postfix().awaitDelivered(sent, Duration.ofSeconds(60))).hasSize(sent);
        stack.postfix().log().awaitEnded(stack.postfix().log().connections(), Duration.ofSeconds(20));
        long issued = stack.clientCredentialTokens(stack.shortClientId()) - before;
        // A token is replaced once half its life is gone: about 6 over three lifespans; at least 3, and far fewer than
        // mails.
        assertThat(issued).isBetween(3L, (long) sent / 2);
        assertThat(stack.postfix().log().connections()).isGreaterThanOrEqualTo(3);
        assertThat(stack.postfix().log().lines()).noneMatch(l -> l.contains("authentication failed"));
    }
}
