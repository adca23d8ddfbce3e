package dev.mailwire.jca.oauth2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: the adapter's OAuth2 client starts no thread of its own. A token request runs on the connecting thread,
 * bounded by the adapter's deadline timer, so a stopped pool and factory (an undeployed adapter) leave no thread
 * behind: neither an HTTP client's selector or worker thread nor the JDK's keep-alive timer.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class OAuth2ClientLeavesNoThreadTest {

    private static final List<String> CLIENT_THREADS = List.of("HttpClient-", "Keep-Alive-", "mailwire-");

    @Test
    void aStoppedMailerLeavesNoClientThread() throws Exception {
        OAuthStack stack = OAuthStack.shared();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (OAuthMailer mailer = new OAuthMailer(
                stack.clientId(), stack.clientSecret(), PoolSettings.builder().maxSize(2))) {
            assertThat(mailer.send("no thread left").allDelivered()).isTrue();
        }
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> left = clientThreadsOtherThan(before);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
            left = clientThreadsOtherThan(before);
        }
        assertThat(left).as("threads of the stopped mailer still alive").isEmpty();
    }

    private static Set<String> clientThreadsOtherThan(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .map(Thread::getName)
                .filter(name -> CLIENT_THREADS.stream().anyMatch(name::startsWith))
                .collect(Collectors.toSet());
    }
}
