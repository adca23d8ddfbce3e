package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.ServerUnderTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.it.support.UserWar;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Mailer.sendAsync} in a server sends on the server's default managed executor
 * ({@code java:comp/DefaultManagedExecutorService}), never on threads of Mailwire's own (which a server does not
 * manage, and which the embedded case names {@code mailwire-async-*}). The fixture reports the name of the thread
 * that completed the send; the mail is counted at Postfix.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SendAsyncRunsOnTheManagedExecutorTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return UserWar.deployment("user-war-async", "userasync");
    }

    @ArquillianResource
    URL base;

    @Test
    void sendsOnTheServersManagedExecutor() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        String thread = Http.post(base, "orders/notify", Map.of("to", postfix.address("inbox"), "subject", "async"));

        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30)))
                .extracting(message -> message.subject().orElse(""))
                .containsExactly("async");
        assertThat(thread).doesNotStartWith("mailwire-");
        assertThat(thread).matches(ServerUnderTest.adapter().managedExecutorThreads());
    }
}
