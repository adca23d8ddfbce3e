package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.MailRejectedException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a 535 on a connection opened with a token that has since expired triggers one refresh and one retry on a
 * fresh connection before the caller sees an error; a 535 for the current token is the caller's to see, at no token
 * request.
 *
 * <p>The tokens are Keycloak's (the shared stack's {@value OAuthStack#SHORT_LIFESPAN_SECONDS} s client), and whether
 * one is still good is Keycloak's answer to introspection. The SMTP server is the fake one, because the mid-session
 * refusal is what this test needs and the stack's Postfix never gives it: Dovecot introspects a token only at AUTH,
 * so a Postfix session stays authenticated after its token expired. The fake server re-checks the session's token at
 * Keycloak at each MAIL FROM and answers 535 once Keycloak says it is no longer active, as a server that re-checks
 * would.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class TokenExpiredMidSessionIsRenewedOnceTest {

    private static final String EXPIRED = "5.7.8 Authentication credentials invalid (token expired)";

    private final OAuthStack stack = OAuthStack.shared();

    @Test
    void expiredSessionTokenRefusedAtMailFromIsRenewedAndTheMailRetriedOnAFreshConnection() throws Exception {
        RecheckingServer recheck = new RecheckingServer(stack);
        try (FakeSmtpServer server = server(recheck);
                OAuthMailer mailer = mailer(server, stack.shortClientId(), stack.shortClientSecret())) {
            long before = stack.clientCredentialTokens(stack.shortClientId());
            try (MailConnection c = mailer.connections.getConnection()) {
                assertThat(c.send(mailer.message("before expiry")).allDelivered())
                        .isTrue();
                // Past the token's life at the issuer: the session's token is no longer active.
                Thread.sleep(Duration.ofSeconds(OAuthStack.SHORT_LIFESPAN_SECONDS + 2)
                        .toMillis());
                assertThat(c.send(mailer.message("after expiry")).allDelivered())
                        .isTrue();
            }
            assertThat(recheck.refusals).as("535s at MAIL FROM").hasValue(1);
            assertThat(server.messages()).hasSize(2);
            assertThat(server.connectionCount())
                    .as("the first connection, then one fresh one")
                    .isEqualTo(2);
            assertThat(server.commandCount("AUTH")).isEqualTo(2);
            assertThat(awaitTokens(stack.shortClientId(), before, 2))
                    .as("tokens issued")
                    .isEqualTo(2);
        }
    }

    @Test
    void refusalOfTheCurrentTokenReachesTheCallerWithoutARenewal() throws Exception {
        Behaviour refuseAll = new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                return verb.equals("MAIL") ? Action.reply(535, EXPIRED) : Action.proceed();
            }
        };
        try (FakeSmtpServer server = server(refuseAll);
                OAuthMailer mailer = mailer(server, stack.clientId(), stack.clientSecret())) {
            long before = stack.clientCredentialTokens(stack.clientId());
            MailRejectedException e = catchThrowableOfType(() -> mailer.send("refused"), MailRejectedException.class);
            assertThat(e).isNotNull();
            assertThat(e.result().recipients())
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo(535));
            assertThat(server.connectionCount()).as("no retry").isEqualTo(1);
            assertThat(server.commandCount("MAIL")).isEqualTo(1);
            assertThat(awaitTokens(stack.clientId(), before, 1))
                    .as("tokens issued")
                    .isEqualTo(1);
        }
    }

    private static FakeSmtpServer server(Behaviour behaviour) {
        return FakeSmtpServer.builder()
                .authMechanisms("XOAUTH2")
                .requireAuth(true)
                .behaviour(behaviour)
                .start();
    }

    private OAuthMailer mailer(FakeSmtpServer server, String clientId, String secret) {
        MailManagedConnectionFactory f = OAuthMailer.factory(stack, clientId, secret);
        f.setMailerName("oauth-mid-session-" + clientId);
        f.setHost(server.host());
        f.setPort(server.port());
        f.setTrustStore(server.trustStore().toString());
        f.setTrustStorePassword(server.trustStorePassword());
        f.setTrustStoreType(server.trustStoreType());
        return new OAuthMailer(f, PoolSettings.builder().maxSize(1));
    }

    /** Keycloak writes its events log a moment after answering: waits (bounded) until {@code expected} showed. */
    private long awaitTokens(String clientId, long before, long expected) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long issued = stack.clientCredentialTokens(clientId) - before;
        while (issued < expected && System.nanoTime() < end) {
            Thread.sleep(100);
            issued = stack.clientCredentialTokens(clientId) - before;
        }
        Thread.sleep(500); // and no more than expected arrive late
        return stack.clientCredentialTokens(clientId) - before;
    }

    /** Remembers each session's token from its AUTH line and asks Keycloak about it at each MAIL FROM. */
    private static final class RecheckingServer implements Behaviour {

        final AtomicInteger refusals = new AtomicInteger();
        private final Map<Integer, String> tokens = new ConcurrentHashMap<>();
        private final OAuthStack stack;

        RecheckingServer(OAuthStack stack) {
            this.stack = stack;
        }

        @Override
        public Action onCommand(SmtpConnection c, String verb, String line) {
            if (verb.equals("AUTH")) {
                String[] parts = line.trim().split(" ");
                String response = new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8);
                for (String field : response.split("\u0001")) {
                    if (field.startsWith("auth=Bearer ")) {
                        tokens.put(c.index(), field.substring("auth=Bearer ".length()));
                    }
                }
            } else if (verb.equals("MAIL") && !stack.tokenActive(tokens.get(c.index()))) {
                refusals.incrementAndGet();
                return Action.reply(535, EXPIRED);
            }
            return Action.proceed();
        }
    }
}
