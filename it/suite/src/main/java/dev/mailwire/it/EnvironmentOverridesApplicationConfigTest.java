package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
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
 * A setting in the application's {@code microprofile-config.properties} is overridden by the server's environment
 * variable of the same key: {@code MAILWIRE_MAILER_FROM}, set for the managed server by failsafe's
 * {@code environmentVariables} in it/pom.xml, wins over the file's {@code mailwire.mailer.from}.
 *
 * <p>The variable is the default mailer's {@code from} on purpose: an environment variable is seen by every
 * application on the server, and mail-cdi fails the deployment of any application that sees settings of a named
 * mailer it does not configure completely (MWJCA-001), so a variable naming one application's mailer would break
 * the others. {@code from} changes nothing else the suite asserts.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EnvironmentOverridesApplicationConfigTest {

    /** What the environment variable holds; the file says {@code sender@<domain>}. */
    private static final String ENV_FROM = "env-sender@example.test";

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.direct("envcheck", Apps.mailer(null, "config"));
    }

    @ArquillianResource
    URL base;

    @Test
    void environmentVariableWinsOverThePropertiesFile() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        Http.post(base, "mail/send", Map.of("count", "1", "to", postfix.address("inbox"), "subject", "env"));

        List<DeliveredMessage> delivered = postfix.awaitDelivered(1, Duration.ofSeconds(30));
        assertThat(delivered.get(0).header("From"))
                .hasValueSatisfying(from -> assertThat(from).contains(ENV_FROM));
    }
}
