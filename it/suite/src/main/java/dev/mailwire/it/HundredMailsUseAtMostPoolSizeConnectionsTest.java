package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.ConcurrentCallers;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.ServerUnderTest;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * 100 mails sent from a stateless EJB ({@code @Inject Mailer}, settings in the application's
 * {@code microprofile-config.properties}) by more concurrent callers than the pool has connections arrive at a real
 * Postfix (STARTTLS + AUTH), and Postfix's own log shows no more connections than the server pool's max size: the
 * server's pool, not the application, owns and bounds the connections.
 */
@ServerTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HundredMailsUseAtMostPoolSizeConnectionsTest {

    /** A login no other class uses: its connections form a sub-pool that starts empty in this test. */
    private static final String USER = "bulk";

    private static final int CALLERS = 10;
    private static final int MAILS_PER_CALLER = 10;

    @Deployment(testable = false)
    static WebArchive app() {
        // transactional=never: each call sends at once, so the callers really compete for pooled connections.
        // ContainerTransactionSendsOnlyOnCommitTest covers transactional=auto.
        return Apps.cdi("bulk", Apps.merge(Apps.mailer(null, USER), Map.of("mailwire.mailer.transactional", "never")));
    }

    @ArquillianResource
    URL base;

    @Test
    @Order(1)
    void hundredMailsArriveOverNoMoreConnectionsThanThePoolAllows() throws Exception {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        ConcurrentCallers.post(
                base,
                "cdi/send",
                CALLERS,
                MAILS_PER_CALLER,
                i -> Map.of(
                        "count", Integer.toString(MAILS_PER_CALLER),
                        "to", postfix.address("inbox"),
                        "subject", "bulk " + i));

        int total = CALLERS * MAILS_PER_CALLER;
        assertThat(postfix.awaitDelivered(total, Duration.ofSeconds(60))).hasSize(total);
        List<SmtpSession> sessions = postfix.log()
                .await(
                        s -> s.stream().mapToInt(SmtpSession::messages).sum() >= total,
                        Duration.ofSeconds(30),
                        total + " messages in the log");
        System.out.printf(
                "%s: %d mails over %d connection(s), at most %d open at once (pool max %d)%n",
                ServerUnderTest.name(),
                total,
                sessions.size(),
                postfix.log().peakConnectionsInUse(),
                ServerUnderTest.poolMaxSize());
        // Never more connections open at once than the server's pool allows. The total may exceed it: Payara's pool
        // retires connections on its own schedule (docs/payara.md), so the claim is about concurrency, plus reuse.
        assertThat(postfix.log().peakConnectionsInUse()).isBetween(1, ServerUnderTest.poolMaxSize());
        assertThat(sessions).hasSizeLessThanOrEqualTo(total / 10);
        // Every connection that carried mail authenticated as the mailer's user, and none as anyone else. A session
        // Payara's pool has just opened to replace a retired one may not have reached AUTH when the log is read.
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.users()).isSubsetOf(USER);
            if (session.messages() > 0) {
                assertThat(session.users()).containsOnly(USER);
            }
        });
    }

    /** The same mailer injected in an application-scoped bean, outside any transaction. */
    @Test
    @Order(2)
    void anApplicationScopedBeanSendsThroughTheSamePool() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        String sent = Http.post(
                base,
                "cdi/send",
                Map.of("via", "bean", "count", "5", "to", postfix.address("inbox"), "subject", "bean"));

        assertThat(sent).isEqualTo("5");
        assertThat(postfix.awaitDelivered(5, Duration.ofSeconds(30))).hasSize(5);
        assertThat(postfix.log().sessions()).hasSizeLessThanOrEqualTo(ServerUnderTest.poolMaxSize());
        assertThat(postfix.log().sessions())
                .allSatisfy(session -> assertThat(session.users()).isSubsetOf(USER));
    }
}
