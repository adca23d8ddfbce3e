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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mailer's {@code bounce-address} reaches the SMTP server as the envelope sender (MAIL FROM) when the mail goes
 * through the server's pool: Postfix logs it as {@code from=<...>} and writes it as the delivered copy's
 * {@code Return-Path}. mail-cdi carries it on the Angus SMTPMessage it renders and the RAR's transport reads it there,
 * so this holds only where the application and the RAR link the same SMTPMessage class; where they do not, the
 * option is dropped and the envelope sender is the From address.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BounceAddressIsTheEnvelopeSenderTest {

    private static final String USER = "envelope";

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.cdi(
                "envelope",
                Apps.merge(
                        Apps.mailer(null, USER),
                        Map.of(
                                "mailwire.mailer.transactional",
                                "never",
                                "mailwire.mailer.bounce-address",
                                bounceAddress())));
    }

    private static String bounceAddress() {
        return SharedPostfix.postfix().address("bounces");
    }

    @ArquillianResource
    URL base;

    @Test
    void bounceAddressIsTheEnvelopeSender() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        assertThat(Http.post(
                        base,
                        "cdi/send",
                        Map.of(
                                "via", "bean",
                                "count", "1",
                                "to", postfix.address("inbox"),
                                "subject", "envelope")))
                .isEqualTo("1");

        DeliveredMessage delivered =
                postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
        assertThat(delivered.header("Return-Path"))
                .as("the envelope sender of the delivered copy")
                .contains("<" + bounceAddress() + ">");
        assertThat(delivered.header("From"))
                .hasValueSatisfying(from -> assertThat(from).doesNotContain(bounceAddress()));
        postfix.log().awaitLine("from=<" + bounceAddress() + ">", Duration.ofSeconds(10));
    }
}
