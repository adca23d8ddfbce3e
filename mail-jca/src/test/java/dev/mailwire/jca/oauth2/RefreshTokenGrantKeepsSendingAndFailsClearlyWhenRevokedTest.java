package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.SmtpAuthenticationException;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Must-show 3: a user's refresh token keeps a mailer sending across several access-token lifespans. The realm
 * revokes a refresh token once used (rotation), so this also proves the rotated one replaced it. A revoked refresh
 * token fails with an error naming the mailer and the setting, and retries are bounded by the back-off.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RefreshTokenGrantKeepsSendingAndFailsClearlyWhenRevokedTest {

    @Test
    void aRefreshedUserTokenKeepsSendingAcrossExpiry() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        long before = stack.refreshedTokens(stack.shortClientId());
        int sent = 0;
        try (OAuthMailer mailer = new OAuthMailer(
                userFactory(stack, "rt-user"), PoolSettings.builder().maxSize(2))) {
            long end = System.nanoTime()
                    + Duration.ofSeconds(3L * OAuthStack.SHORT_LIFESPAN_SECONDS).toNanos();
            while (System.nanoTime() < end) {
                assertThat(mailer.send("refresh-token " + sent).allDelivered()).isTrue();
                sent++;
                Thread.sleep(400);
            }
        }
        assertThat(stack.postfix().awaitDelivered(sent, Duration.ofSeconds(60))).hasSize(sent);
        // Each refresh used the token the previous one returned: the realm refuses a used one.
        assertThat(stack.refreshedTokens(stack.shortClientId()) - before).isGreaterThanOrEqualTo(3);
        assertThat(stack.postfix().log().lines()).noneMatch(l -> l.contains("authentication failed"));
    }

    @Test
    void aRevokedRefreshTokenFailsClearlyAndIsNotHammered() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        MailManagedConnectionFactory f = userFactory(stack, "rt-revoked");
        stack.revoke(stack.shortClientId(), stack.shortClientSecret(), f.getOauth2RefreshToken());
        long errorsBefore = stack.events("REFRESH_TOKEN_ERROR", stack.shortClientId());
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder().maxSize(2))) {
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                Throwable t = catchThrowable(() -> mailer.send("must not arrive"));
                assertThat(t).isInstanceOf(SmtpAuthenticationException.class);
                assertThat(t.getMessage())
                        .contains("rt-revoked", "oauth2.refresh-token", "expired or revoked")
                        .doesNotContain(f.getOauth2RefreshToken());
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
        Thread.sleep(500);
        // Ten sends within a second or so: the back-off let one request (maybe two) reach the issuer.
        assertThat(stack.events("REFRESH_TOKEN_ERROR", stack.shortClientId()) - errorsBefore)
                .isBetween(1L, 2L);
        assertThat(stack.postfix().delivered()).isEmpty();
    }

    static MailManagedConnectionFactory userFactory(OAuthStack stack, String mailer) {
        MailManagedConnectionFactory f = OAuthMailer.factory(stack, stack.shortClientId(), stack.shortClientSecret());
        f.setMailerName(mailer);
        f.setUsername(stack.user());
        f.setOauth2RefreshToken(stack.userRefreshToken(stack.shortClientId(), stack.shortClientSecret()));
        return f;
    }
}
