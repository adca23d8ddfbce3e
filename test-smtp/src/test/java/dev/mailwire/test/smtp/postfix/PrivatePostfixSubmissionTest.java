package dev.mailwire.test.smtp.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.SmtpTestClient;
import dev.mailwire.test.smtp.SmtpTestClient.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real Postfix accepts mail only after STARTTLS and AUTH, delivers it, and logs what the tests count. */
@Timeout(60)
class PrivatePostfixSubmissionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static PrivatePostfix postfix;

    @BeforeAll
    static void startPostfix() {
        postfix = PrivatePostfix.builder()
                .user("alice", "alice-secret")
                .user("bob", "bob-secret")
                .start();
    }

    @AfterAll
    static void stopPostfix() {
        postfix.close();
    }

    @BeforeEach
    void forgetEarlierTests() {
        postfix.clearObservations();
    }

    @Test
    void deliversMailSubmittedWithStartTlsAndAuth() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.port())) {
            assertThat(client.read().code()).isEqualTo(220);
            assertThat(client.command("EHLO client.test").text())
                    .contains("STARTTLS")
                    .doesNotContain("AUTH");
            assertThat(client.startTls(postfix.certificates().clientContext(), "localhost")
                            .code())
                    .isEqualTo(220);
            assertThat(client.command("EHLO client.test").text()).contains("AUTH PLAIN LOGIN");
            assertThat(client.authPlain("alice", "alice-secret").code()).isEqualTo(235);
            List<Reply> replies = client.send(
                    postfix.address("alice"),
                    List.of(postfix.address("carol")),
                    "Message-ID: <one@client.test>\nSubject: hello\n\nbody\n.starts with a dot\n");
            assertThat(replies).extracting(Reply::code).containsExactly(250, 250, 354, 250);
            assertThat(client.command("QUIT").code()).isEqualTo(221);
        }

        DeliveredMessage message = postfix.awaitDelivered(1, WAIT).get(0);
        assertThat(message.messageId()).contains("<one@client.test>");
        assertThat(message.deliveredTo()).contains("carol@example.test");
        assertThat(message.authenticatedSender()).contains("alice@example.test");
        assertThat(message.receivedOverTls()).isTrue();
        assertThat(message.body()).isEqualTo("body\n.starts with a dot\n");

        List<SmtpSession> sessions = postfix.log().awaitEnded(1, WAIT);
        assertThat(postfix.log().connections()).isEqualTo(1);
        assertThat(postfix.log().authentications()).isEqualTo(1);
        assertThat(postfix.log().authenticationsByUser()).isEqualTo(Map.of("alice", 1));
        assertThat(sessions.get(0).queueIds()).containsExactly(message.queueId().orElseThrow());
        assertThat(sessions.get(0).succeeded("starttls")).isEqualTo(1);
    }

    @Test
    void answersRejectedAndDeferredRecipientsItself() throws Exception {
        try (SmtpTestClient client = authenticated("bob", "bob-secret")) {
            List<Reply> replies = client.send(
                    postfix.address("bob"),
                    List.of(postfix.address("rejected"), "deferred@elsewhere.test", postfix.address("dave")),
                    "Subject: partial\n\nbody\n");
            assertThat(replies).extracting(Reply::code).containsExactly(250, 550, 450, 250, 354, 250);
            client.command("QUIT");
        }
        assertThat(postfix.awaitDelivered(1, WAIT))
                .singleElement()
                .satisfies(m -> assertThat(m.deliveredTo()).contains("dave@example.test"));
        SmtpSession session = postfix.log().awaitEnded(1, WAIT).get(0);
        assertThat(session.rejections()).hasSize(2);
        assertThat(session.rejections().get(0)).startsWith("550 5.1.1");
        assertThat(session.user()).contains("bob");
        assertThat(session.clientPort()).isPositive();
    }

    @Test
    void refusesAuthAndMailBeforeStartTls() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.port())) {
            client.read();
            client.command("EHLO client.test");
            assertThat(client.authPlain("alice", "alice-secret").code()).isIn(503, 530, 538);
            assertThat(client.command("MAIL FROM:<alice@example.test>").code()).isEqualTo(530);
            client.command("QUIT");
        }
        SmtpSession session = postfix.log().awaitEnded(1, WAIT).get(0);
        assertThat(session.authentications()).isZero();
        assertThat(postfix.delivered()).isEmpty();
    }

    @Test
    void refusesWrongPasswordAndUnauthenticatedMail() throws Exception {
        try (SmtpTestClient client = tls()) {
            assertThat(client.authPlain("alice", "wrong").code()).isEqualTo(535);
            List<Reply> replies = client.send(postfix.address("alice"), List.of(postfix.address("carol")), "x\n");
            assertThat(replies.get(1).code()).isEqualTo(554);
            client.command("QUIT");
        }
        SmtpSession session = postfix.log().awaitEnded(1, WAIT).get(0);
        assertThat(session.failedAuthentications()).isEqualTo(1);
        assertThat(session.authentications()).isZero();
    }

    @Test
    void tellsIdentitiesApartPerConnection() throws Exception {
        try (SmtpTestClient alice = authenticated("alice", "alice-secret");
                SmtpTestClient bob = authenticated("bob", "bob-secret")) {
            alice.send("alice@example.test", List.of("x@example.test"), "Subject: 1\n\n1\n");
            bob.send("bob@example.test", List.of("x@example.test"), "Subject: 2\n\n2\n");
            alice.send("alice@example.test", List.of("x@example.test"), "Subject: 3\n\n3\n");
            alice.command("QUIT");
            bob.command("QUIT");
        }
        List<SmtpSession> sessions = postfix.log().awaitEnded(2, WAIT);
        assertThat(sessions).extracting(SmtpSession::users).containsExactlyInAnyOrder(List.of("alice"), List.of("bob"));
        assertThat(postfix.log().authenticationsByUser()).isEqualTo(Map.of("alice", 1, "bob", 1));
        assertThat(postfix.log().peakConnectionsInUse()).isEqualTo(2);
        assertThat(postfix.awaitDelivered(3, WAIT)).hasSize(3);
    }

    private static SmtpTestClient tls() throws Exception {
        SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.port());
        client.read();
        client.command("EHLO client.test");
        client.startTls(postfix.certificates().clientContext(), "localhost");
        client.command("EHLO client.test");
        return client;
    }

    private static SmtpTestClient authenticated(String user, String password) throws Exception {
        SmtpTestClient client = tls();
        assertThat(client.authPlain(user, password).code()).isEqualTo(235);
        return client;
    }
}
