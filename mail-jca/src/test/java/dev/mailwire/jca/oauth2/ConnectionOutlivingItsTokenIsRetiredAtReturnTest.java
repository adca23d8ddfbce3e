package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a pooled connection older than its token's lifetime is retired at its next return to the pool, and the
 * next mail goes out on a new connection with a new token. A connection returned while its token still lives stays
 * pooled and is reused. Against the real stack, whose Postfix keeps a session authenticated after its token expired
 * (Dovecot introspects only at AUTH): so only the pool's own rule closes the old session.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class ConnectionOutlivingItsTokenIsRetiredAtReturnTest {

    @Test
    void connectionHeldPastItsTokensLifeIsClosedWhenReturned() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        try (OAuthMailer warmUp = new OAuthMailer(stack.clientId(), stack.clientSecret(), PoolSettings.builder())) {
            // A Keycloak just started may take seconds over its first grants: more than the short token's life.
            warmUp.send("warm-up");
        }
        postfix.awaitDelivered(1, Duration.ofSeconds(60));
        postfix.log().awaitEnded(1, Duration.ofSeconds(20));
        postfix.clearObservations();
        try (OAuthMailer mailer = new OAuthMailer(
                stack.shortClientId(),
                stack.shortClientSecret(),
                PoolSettings.builder().maxSize(1))) {
            assertThat(mailer.send("returned while its token lives").allDelivered())
                    .isTrue();
            assertThat(mailer.pool.stats().idle()).as("kept for reuse").isEqualTo(1);

            try (MailConnection c = mailer.connections.getConnection()) {
                assertThat(c.send(mailer.message("sent on the reused connection"))
                                .allDelivered())
                        .isTrue();
                Thread.sleep(Duration.ofSeconds(OAuthStack.SHORT_LIFESPAN_SECONDS + 1)
                        .toMillis());
            } // returned now, past its token's life

            assertThat(mailer.pool.stats().idle()).as("retired at return").isZero();
            assertThat(mailer.pool.stats().destroyed()).isEqualTo(1);
            postfix.log().awaitEnded(1, Duration.ofSeconds(20)); // the pool said QUIT to Postfix

            assertThat(mailer.send("on a new connection").allDelivered()).isTrue();
        }
        assertThat(postfix.awaitDelivered(3, Duration.ofSeconds(60))).hasSize(3);
        var sessions = postfix.log().awaitEnded(2, Duration.ofSeconds(20));
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).messages()).isEqualTo(2);
        assertThat(sessions.get(1).messages()).isEqualTo(1);
        assertThat(postfix.log().authentications()).isEqualTo(2);
    }
}
