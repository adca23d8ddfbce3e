package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Must-show 5: fifty threads open connections at the same moment with an empty token cache; Keycloak issues one
 * token, because one thread asks and the others wait for its answer.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FiftyThreadsShareOneTokenRequestTest {

    @Test
    void oneTokenRequestForFiftyConcurrentConnects() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        stack.postfix().clearObservations();
        long before = stack.clientCredentialTokens(stack.clientId());
        try (OAuthMailer mailer = new OAuthMailer(
                stack.clientId(), stack.clientSecret(), PoolSettings.builder().maxSize(50))) {
            ExecutorService threads = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SendResult>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String subject = "fifty " + i;
                results.add(threads.submit(() -> {
                    start.await();
                    return mailer.send(subject);
                }));
            }
            start.countDown();
            for (Future<SendResult> f : results) {
                assertThat(f.get(120, TimeUnit.SECONDS).allDelivered()).isTrue();
            }
            threads.shutdown();
        }
        long issued = ClientCredentialsPoolAuthenticatesOncePerConnectionTest.awaitTokens(stack, before + 1) - before;
        assertThat(issued).isEqualTo(1);
    }
}
