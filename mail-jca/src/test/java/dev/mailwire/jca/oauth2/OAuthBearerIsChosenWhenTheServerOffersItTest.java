package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With oauth2.* set and auth-mechanisms left at its default, the adapter uses OAUTHBEARER (RFC 7628) where the
 * server offers it, as Dovecot does; Postfix records the mechanism of each authenticated mail.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class OAuthBearerIsChosenWhenTheServerOffersItTest {

    @Test
    void defaultMechanismsAuthenticateWithOauthbearer() {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        MailManagedConnectionFactory f = OAuthMailer.factory(stack, stack.clientId(), stack.clientSecret());
        f.setMailerName("bearer");
        f.setAuthMechanisms(null);
        try (OAuthMailer mailer = new OAuthMailer(f, PoolSettings.builder().maxSize(1))) {
            assertThat(mailer.send("over OAUTHBEARER").allDelivered()).isTrue();
        }
        assertThat(stack.postfix().awaitDelivered(1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(stack.postfix().log().lines()).anyMatch(l -> l.contains("sasl_method=OAUTHBEARER"));
    }
}
