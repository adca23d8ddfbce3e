package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.MarkerMail;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code @Inject Mailer} in a stateless EJB with container-managed transactions: a mail sent in a transaction that
 * commits goes out; one sent in a transaction marked rollback-only, or ended by a system exception, never does.
 * The outbox lives on the server's default DataSource ({@code java:comp/DefaultDataSource}: ExampleDS on WildFly,
 * H2 {@code jdbc/__default} on Payara).
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ContainerTransactionSendsOnlyOnCommitTest {

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.cdi(
                "cmt",
                Apps.merge(
                        Apps.mailer(null, "cmt"),
                        Map.of(
                                "mailwire.mailer.transactional", "auto",
                                "mailwire.mailer.outbox.datasource", "java:comp/DefaultDataSource")));
    }

    @ArquillianResource
    URL base;

    private PrivatePostfix postfix;

    @BeforeEach
    void clear() {
        postfix = SharedPostfix.postfix();
        postfix.clearObservations();
    }

    @Test
    void commitSends() {
        assertThat(transaction("commit", "committed")).isEqualTo("commit");

        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(30)))
                .extracting(message -> message.subject().orElse(""))
                .containsExactly("committed");
    }

    @Test
    void setRollbackOnlySendsNothing() throws InterruptedException {
        assertThat(transaction("rollback-only", "rolled back")).isEqualTo("rollback-only");

        assertNothingSentBut("after rollback-only");
    }

    @Test
    void systemExceptionSendsNothing() throws InterruptedException {
        assertThat(transaction("exception", "failed")).startsWith("rolled back");

        assertNothingSentBut("after exception");
    }

    private String transaction(String outcome, String subject) {
        return Http.post(
                base, "cdi/tx", Map.of("outcome", outcome, "to", postfix.address("inbox"), "subject", subject));
    }

    /** Sends a marker in a transaction that commits; only the marker may arrive. */
    private void assertNothingSentBut(String marker) throws InterruptedException {
        MarkerMail.assertOnlyItArrives(postfix, marker, () -> transaction("commit", marker));
    }
}
