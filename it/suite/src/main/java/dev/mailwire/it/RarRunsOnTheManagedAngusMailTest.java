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
 * docs/deploy/open-liberty-mailwire.xml. And the application links the RAR's SMTPMessage, not a copy of its own:
 * mail-cdi renders every mail as one, carrying the envelope options, and the RAR's transport reads them with
 * {@code instanceof}, so with two classes they would be dropped without a word.
 *
 * <p>"The application" is the class loader of the application's own classes (which also links mail-cdi in
 * WEB-INF/lib), not the thread's context class loader: on Open Liberty the context loader asks the server's features
 * first, and Liberty's mail feature exports its internal Angus to it, so there it answers Liberty's copy. The probe
 * prints that answer too ({@code shared-with-thread-context}), for the record; the envelope options travel on the
 * class mail-cdi's message extends, which is the application loader's.
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

    @Test
    void theApplicationLinksTheRarsSmtpMessage() {
        Properties answer = properties(Http.get(base, "angus"));

        assertThat(answer.getProperty("shared-with-application"))
                .as(
                        "the application's SMTPMessage (from %s) is the RAR's (from %s)",
                        answer.getProperty("application-jar"), answer.getProperty("jar"))
                .isEqualTo("true");
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
