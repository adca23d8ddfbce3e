package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.ServerUnderTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Angus Mail SMTPTransport that the RAR's transport extends, as the server really links it, is 2.0.5 or newer
 * (the house rule; the build's enforcer bans older). On WildFly and Payara that is the operator's upgrade of the
 * server's Angus (docs/wildfly.md, docs/payara.md, section 1); on Open Liberty the library of
 * docs/deploy/open-liberty-mailwire.xml. The answer also says whether the application's SMTPMessage is the RAR's
 * (mail-cdi builds it, the RAR's transport reads it with instanceof): printed, not asserted, because on Open Liberty
 * it is not (an open finding); on WildFly and Payara it is.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RarRunsOnTheManagedAngusMailTest {

    private static final Runtime.Version FLOOR = Runtime.Version.parse("2.0.5");

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.angusProbe("angus");
    }

    @ArquillianResource
    URL base;

    @Test
    void theRarsTransportExtendsAngus205OrNewer() {
        Properties answer = properties(Http.get(base, "angus"));
        System.out.printf("%s: the RAR's transport extends %s%n", ServerUnderTest.name(), answer);

        assertThat(answer.getProperty("transport")).isEqualTo("org.eclipse.angus.mail.smtp.SMTPTransport");
        assertThat(Runtime.Version.parse(answer.getProperty("version")))
                .as("Angus Mail of the RAR's transport, from %s", answer.getProperty("jar"))
                .matches(v -> v.compareToIgnoreOptional(FLOOR) >= 0, "at least " + FLOOR);
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
