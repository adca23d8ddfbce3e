package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bounce address is the envelope sender: Postfix logs it as {@code from=<...>} and writes it as the delivered
 * copy's {@code Return-Path}, while the From header stays the author's. The mailer's {@code bounce-address} applies
 * to a mail sent now; a mail's own (VERP) address wins, and survives the H2 outbox of a transactional send.
 */
@Timeout(90)
class BounceAddressIsTheEnvelopeSenderTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    private PrivatePostfix postfix;

    @BeforeEach
    void clear() {
        postfix = SERVERS.postfix();
        postfix.clearObservations();
    }

    @Test
    void mailerSettingIsTheEnvelopeSender() {
        String bounces = postfix.address("bounces");
        try (TestConfig config = TestConfig.use(settings(bounces));
                WeldContainer container = TxContainers.boot()) {
            TxContainers.mailer(container).send(mail().build());

            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.header("Return-Path")).contains("<" + bounces + ">");
            assertThat(delivered.header("From")).contains(postfix.address("app"));
            postfix.log().awaitLine("from=<" + bounces + ">", Duration.ofSeconds(10));
        }
    }

    @Test
    void perMailAddressSurvivesTheOutbox() throws Exception {
        String verp = postfix.address("bounces+ada=example.org");
        try (TestConfig config = TestConfig.use(settings(postfix.address("bounces")));
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);
            Jta.inTransaction(() -> mailer.send(mail().bounceAddress(verp).build()));

            MailOutcome outcome = TxContainers.outcomes(container)
                    .await(1, Duration.ofSeconds(20))
                    .get(0);
            assertThat(outcome.delivered()).isTrue();
            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.header("Return-Path")).contains("<" + verp + ">");
            assertThat(delivered.header("From")).contains(postfix.address("app"));
            assertThat(delivered.text()).doesNotContain("Return-Path: <" + postfix.address("bounces") + ">");
            postfix.log().awaitLine("from=<" + verp + ">", Duration.ofSeconds(10));
        }
    }

    private Map<String, String> settings(String bounceAddress) {
        Map<String, String> p = TxSettings.outbox(TxSettings.postfix(postfix));
        p.put("mailwire.mailer.bounce-address", bounceAddress);
        return p;
    }

    private Mail.Builder mail() {
        return Mail.builder().to(postfix.address("ada")).subject("bounce").text("t");
    }
}
