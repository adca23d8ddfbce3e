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
 * Two mailers of one application authenticate as different users through the same connection definition, taking
 * turns. Postfix must see each connection submit mail for one user only (a pool that handed alice's connection to
 * bob would show bob's mail under alice), and one connection per user (a pool that matched by destroying would
 * reconnect on every turn). Proves the server settings of docs/deploy: WildFly's {@code security-application},
 * Payara's {@code match-connections=true}; Open Liberty's pool matches with its defaults.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IdentitiesNeverShareConnectionsTest {

    private static final int ROUNDS = 10;

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.direct("identities", Apps.merge(Apps.mailer("alice", "alice"), Apps.mailer("bob", "bob")));
    }

    @ArquillianResource
    URL base;

    @Test
    void eachConnectionServesOneIdentityAndIsReused() {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        String sent = Http.post(
                base,
                "mail/alternate",
                Map.of("mailers", "alice,bob", "rounds", "" + ROUNDS, "to", postfix.address("inbox")));

        assertThat(sent).isEqualTo(Integer.toString(2 * ROUNDS));
        List<SmtpSession> sessions = postfix.log()
                .await(
                        s -> s.stream().mapToInt(SmtpSession::messages).sum() >= 2 * ROUNDS,
                        Duration.ofSeconds(30),
                        2 * ROUNDS + " messages");
        List<SmtpSession> carriers =
                sessions.stream().filter(s -> s.messages() > 0).toList();
        assertThat(carriers)
                .as("each connection that carried mail did so for one identity")
                .allSatisfy(session -> assertThat(session.users()).hasSize(1));
        assertThat(messagesOf(carriers, "alice")).isEqualTo(ROUNDS);
        assertThat(messagesOf(carriers, "bob")).isEqualTo(ROUNDS);
        // Payara may open and close one more while it makes room in a full pool (idle connections of another
        // application's identity): harmless, as it carries no mail.
        assertThat(carriers)
                .as("one connection per identity, reused on every turn")
                .hasSize(2);
    }

    private static int messagesOf(List<SmtpSession> sessions, String user) {
        return sessions.stream()
                .filter(s -> s.users().contains(user))
                .mapToInt(SmtpSession::messages)
                .sum();
    }
}
