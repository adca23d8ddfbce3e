package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Must-show 1, embedded: 100 mails through a pool of 4 with the client-credentials grant arrive at the
 * Dovecot-checked Postfix. Postfix's log shows at most 4 connections and 4 successful XOAUTH2 AUTHs (no AUTH per
 * mail), and Keycloak's event log shows one token issued (no token per mail or per connection).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class ClientCredentialsPoolAuthenticatesOncePerConnectionTest {

    @Test
    void hundredMailsFourConnectionsFourAuthsOneToken() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        PrivatePostfix postfix = stack.postfix();
        postfix.clearObservations();
        long tokensBefore = stack.clientCredentialTokens(stack.clientId());

        try (OAuthMailer mailer = new OAuthMailer(
                stack.clientId(), stack.clientSecret(), PoolSettings.builder().maxSize(4))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String subject = "oauth2 pooled " + i;
                results.add(threads.submit(() -> mailer.send(subject)));
            }
            for (Future<SendResult> f : results) {
                SendResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.allDelivered()).as(r.toString()).isTrue();
            }
            threads.shutdown();
        }

        assertThat(postfix.awaitDelivered(100, Duration.ofSeconds(60))).hasSize(100);
        var sessions = postfix.log().awaitEnded(postfix.log().connections(), Duration.ofSeconds(20));
        assertThat(postfix.log().connections()).isBetween(1, 4);
        assertThat(postfix.log().authentications()).isBetween(1, 4);
        assertThat(sessions.stream().mapToInt(s -> s.messages()).sum()).isEqualTo(100);
        assertThat(postfix.log().lines()).anyMatch(l -> l.contains("sasl_method=XOAUTH2"));
        // Keycloak logs each issued token (CLIENT_LOGIN) a moment after answering.
        assertThat(awaitTokens(stack, tokensBefore + 1) - tokensBefore).isEqualTo(1);
    }

    static long awaitTokens(OAuthStack stack, long atLeast) throws InterruptedException {
        long n = 0;
        for (int i = 0; i < 50 && (n = stack.clientCredentialTokens(stack.clientId())) < atLeast; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // and no more come
        return stack.clientCredentialTokens(stack.clientId());
    }
}
