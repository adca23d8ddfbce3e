package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.deployment.AlertsMailerClient;
import dev.mailwire.cdi.deployment.BillingMailerClient;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default mailer and two named mailers, each configured for its own real Postfix (STARTTLS + AUTH, each with
 * its own user): every message arrives at its own server only.
 */
@Timeout(120)
class EachMailerReachesItsOwnServerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static PrivatePostfix defaultServer;
    private static PrivatePostfix billingServer;
    private static PrivatePostfix alertsServer;

    @BeforeAll
    static void startServers() {
        defaultServer = PrivatePostfix.builder().user("app", "app-secret").start();
        billingServer =
                PrivatePostfix.builder().user("billing", "billing-secret").start();
        alertsServer = PrivatePostfix.builder().user("alerts", "alerts-secret").start();
    }

    @AfterAll
    static void stopServers() {
        for (PrivatePostfix p : new PrivatePostfix[] {defaultServer, billingServer, alertsServer}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void eachMessageArrivesAtItsOwnServerOnly() {
        Map<String, String> config = new HashMap<>();
        config.putAll(ServerSettings.of("<default>", defaultServer, "app"));
        config.putAll(ServerSettings.of("billing", billingServer, "billing"));
        config.putAll(ServerSettings.of("alerts", alertsServer, "alerts"));
        SendResult viaDefault;
        SendResult viaBilling;
        SendResult viaAlerts;
        try (TestConfig c = TestConfig.use(config);
                WeldContainer container = Containers.boot(
                        DefaultMailerClient.class, BillingMailerClient.class, AlertsMailerClient.class)) {
            viaDefault =
                    container.select(DefaultMailerClient.class).get().mailer.send(mail("default"));
            viaBilling =
                    container.select(BillingMailerClient.class).get().mailer.send(mail("billing"));
            viaAlerts = container.select(AlertsMailerClient.class).get().mailer.send(mail("alerts"));
        }
        // The container closed the pools, so every SMTP session has ended: nothing more can arrive.
        assertArrivedOnlyAt(defaultServer, viaDefault, "app");
        assertArrivedOnlyAt(billingServer, viaBilling, "billing");
        assertArrivedOnlyAt(alertsServer, viaAlerts, "alerts");
    }

    private static void assertArrivedOnlyAt(PrivatePostfix server, SendResult sent, String user) {
        assertThat(sent.allDelivered()).isTrue();
        // Every message accepted, whether delivered yet or not, is in the log of the session that brought it.
        assertThat(server.log().awaitEnded(1, WAIT).stream()
                        .mapToInt(SmtpSession::messages)
                        .sum())
                .isEqualTo(1);
        List<DeliveredMessage> delivered = server.awaitDelivered(1, WAIT);
        assertThat(server.log().connections()).isEqualTo(1);
        assertThat(delivered).hasSize(1);
        DeliveredMessage message = delivered.get(0);
        assertThat(message.messageId()).contains(sent.messageId());
        assertThat(message.authenticatedSender())
                .hasValueSatisfying(s -> assertThat(s).startsWith(user));
        assertThat(message.receivedOverTls()).isTrue();
    }

    private static Mail mail(String via) {
        return Mail.builder()
                .to("ada@example.test")
                .subject("via " + via)
                .text("Sent through the " + via + " mailer.")
                .build();
    }
}
