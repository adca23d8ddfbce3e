package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.MarkerMail;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.ServerUnderTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.it.support.UserWar;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The application it/user-war builds exactly as docs/wildfly.md, docs/payara.md and docs/open-liberty.md tell users
 * (maven-war-plugin, the BOM, mailwire-cdi and mailwire-mp-health, nothing of the RAR or of Jakarta Mail in
 * WEB-INF/lib): deployed as built, its EJB's mails go out through the operator's connection factory, reusing the
 * server pool's connections, and only when the container-managed transaction commits.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserWarSendsThroughTheRarOnlyOnCommitTest {

    private static final String USER = "userwar";
    private static final int ORDERS = 6;

    @Deployment(testable = false)
    static WebArchive app() {
        return UserWar.deployment("user-war", USER);
    }

    @ArquillianResource
    URL base;

    private PrivatePostfix postfix;

    @BeforeEach
    void clear() {
        postfix = SharedPostfix.postfix();
        postfix.clearObservations();
    }

    /** First: the sessions are counted from their connect lines, so none of this identity may be open yet. */
    @Test
    @Order(1)
    void committedOrdersAreMailedOverThePoolsConnections() {
        for (int i = 0; i < ORDERS; i++) {
            assertThat(place("order " + i, false)).isEqualTo("placed");
        }

        assertThat(postfix.awaitDelivered(ORDERS, Duration.ofSeconds(30)))
                .extracting(message -> message.subject().orElse(""))
                .containsExactlyInAnyOrder("order 0", "order 1", "order 2", "order 3", "order 4", "order 5");
        List<SmtpSession> sessions = postfix.log()
                .await(
                        s -> s.stream().mapToInt(SmtpSession::messages).sum() >= ORDERS,
                        Duration.ofSeconds(30),
                        ORDERS + " messages in the log");
        // Pooled: the connections were reused (fewer sessions carried mail than there were mails, never more open than
        // the operator's pool allows), each as this application's identity, which only its own settings name. A
        // session that submitted nothing names no user in the log (on Payara a second, idle one was seen).
        assertThat(sessions.stream().filter(session -> session.messages() > 0)).hasSizeLessThan(ORDERS);
        assertThat(postfix.log().peakConnectionsInUse()).isBetween(1, ServerUnderTest.poolMaxSize());
        assertThat(sessions).allSatisfy(session -> assertThat(session.users()).isSubsetOf(USER));
    }

    @Test
    @Order(2)
    void cancelledOrderIsNotMailed() throws InterruptedException {
        assertThat(place("cancelled", true)).isEqualTo("placed");

        MarkerMail.assertOnlyItArrives(postfix, "marker", () -> place("marker", false));
    }

    private String place(String subject, boolean cancel) {
        return Http.post(
                base,
                "orders/place",
                Map.of("to", postfix.address("inbox"), "subject", subject, "cancel", Boolean.toString(cancel)));
    }
}
