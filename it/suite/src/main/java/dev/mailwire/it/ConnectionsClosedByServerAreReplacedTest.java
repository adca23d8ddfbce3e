package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Postfix restarts while the server's pool holds a connection to it. The next sends still succeed: the adapter
 * reports the dead connection to the server's pool, which destroys it, and the send is retried on a fresh one.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConnectionsClosedByServerAreReplacedTest {

    private static final String USER = "flush";

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.cdi("flush", Apps.merge(Apps.mailer(null, USER), Map.of("mailwire.mailer.transactional", "never")));
    }

    @ArquillianResource
    URL base;

    @Test
    void sendsAfterARestartOfTheSmtpServerSucceed() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();
        send(1, "before restart");
        postfix.awaitDelivered(1, Duration.ofSeconds(30));

        postfix.stop(); // closes every connection the pool holds, as a restart of the SMTP server does
        postfix.start();
        postfix.clearObservations();

        send(3, "after restart");

        assertThat(postfix.awaitDelivered(3, Duration.ofSeconds(30))).hasSize(3);
        List<SmtpSession> sessions = postfix.log()
                .await(
                        s -> s.stream().mapToInt(SmtpSession::messages).sum() >= 3,
                        Duration.ofSeconds(10),
                        "3 messages");
        assertThat(sessions).as("fresh connections after the restart").isNotEmpty();
        assertThat(sessions).allSatisfy(session -> assertThat(session.users()).isSubsetOf(USER));
    }

    private void send(int count, String subject) {
        assertThat(Http.post(
                        base,
                        "cdi/send",
                        Map.of(
                                "via",
                                "bean",
                                "count",
                                Integer.toString(count),
                                "to",
                                SharedPostfix.postfix().address("inbox"),
                                "subject",
                                subject)))
                .isEqualTo(Integer.toString(count));
    }
}
