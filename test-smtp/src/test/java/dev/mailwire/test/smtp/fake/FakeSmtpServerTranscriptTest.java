package dev.mailwire.test.smtp.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.SmtpTestClient;
import dev.mailwire.test.smtp.SmtpTestClient.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake server records what the client said, on which side of TLS, and what it delivered. */
@Timeout(30)
class FakeSmtpServerTranscriptTest {

    private FakeSmtpServer server;

    @BeforeEach
    void start() {
        server = FakeSmtpServer.builder()
                .user("alice", "alice-secret")
                .user("bob", "token-b")
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordsCommandsBeforeAndAfterTlsAndTheMessage() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            assertThat(client.read().code()).isEqualTo(220);
            assertThat(client.command("EHLO client.test").lines())
                    .contains("STARTTLS")
                    .noneMatch(l -> l.startsWith("AUTH"));
            assertThat(client.command("MAIL FROM:<a@test>").code()).isEqualTo(530);
            client.startTls(server.certificates().clientContext(), "localhost");
            assertThat(client.command("EHLO client.test").lines()).contains("AUTH PLAIN LOGIN XOAUTH2");
            assertThat(client.authPlain("alice", "alice-secret").code()).isEqualTo(235);
            assertThat(client.command("NOOP").code()).isEqualTo(250);
            List<Reply> replies = client.send(
                    "alice@test",
                    List.of("x@test", "y@test"),
                    "Message-ID: <m1@test>\r\nSubject: s\r\n\r\n.leading dot\r\nend\r\n");
            assertThat(replies).extracting(Reply::code).containsExactly(250, 250, 250, 354, 250);
            assertThat(client.command("RSET").code()).isEqualTo(250);
            client.command("QUIT");
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));

        Transcript transcript = server.transcript(0);
        assertThat(transcript.tlsEstablished()).isTrue();
        assertThat(transcript.commandsBeforeTls())
                .containsExactly("EHLO client.test", "MAIL FROM:<a@test>", "STARTTLS");
        assertThat(transcript.commandsOverTls()).startsWith("EHLO client.test").contains("NOOP", "RSET", "QUIT");
        assertThat(transcript.pipelinedBeforeTls()).isEmpty();
        assertThat(server.authIdentitiesPerConnection()).containsExactly(List.of("alice"));
        assertThat(server.noopCount()).isEqualTo(1);
        assertThat(server.rsetCount()).isEqualTo(1);

        ReceivedMessage message = server.messages().get(0);
        assertThat(message.from()).isEqualTo("alice@test");
        assertThat(message.recipients()).containsExactly("x@test", "y@test");
        assertThat(message.authenticatedAs()).contains("alice");
        assertThat(message.overTls()).isTrue();
        assertThat(message.bareLineEndings()).isFalse();
        assertThat(message.messageId()).contains("<m1@test>");
        assertThat(message.text()).endsWith("\r\n.leading dot\r\nend\r\n");
        assertThat(new String(message.wire(), StandardCharsets.UTF_8)).contains("\r\n..leading dot\r\n");
    }

    @Test
    void recordsBytesPipelinedAfterStartTlsAsPlaintext() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            client.write("STARTTLS\r\nAUTH PLAIN injected\r\n"); // a broken or hostile client
            assertThat(client.read().code()).isEqualTo(220);
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));
        Transcript transcript = server.transcript(0);
        assertThat(transcript.pipelinedBeforeTls()).contains("AUTH PLAIN injected");
        assertThat(transcript.commandsBeforeTls()).endsWith("STARTTLS", "AUTH PLAIN injected");
        assertThat(transcript.tlsEstablished()).isFalse();
        assertThat(transcript.authIdentities()).isEmpty();
    }

    @Test
    void authenticatesWithLoginAndXoauth2AndRefusesWrongSecrets() throws Exception {
        try (SmtpTestClient client = tls()) {
            assertThat(client.command("AUTH LOGIN").code()).isEqualTo(334);
            assertThat(client.command(b64("alice")).code()).isEqualTo(334);
            assertThat(client.command(b64("wrong")).code()).isEqualTo(535);
            assertThat(client.command("AUTH XOAUTH2 " + b64("user=bob\u0001auth=Bearer token-b\u0001\u0001"))
                            .code())
                    .isEqualTo(235);
            assertThat(client.authPlain("alice", "alice-secret").code()).isEqualTo(503);
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));
        assertThat(server.authIdentitiesPerConnection()).containsExactly(List.of("bob"));
    }

    @Test
    void flagsBareLineFeedsInMessageData() throws Exception {
        try (SmtpTestClient client = tls()) {
            client.authPlain("alice", "alice-secret");
            client.command("MAIL FROM:<a@test>");
            client.command("RCPT TO:<b@test>");
            client.command("DATA");
            client.write("Subject: smuggle\r\n\r\nline\n.\nMAIL FROM:<evil@test>\r\n.\r\n");
            assertThat(client.read().code()).isEqualTo(250);
        }
        ReceivedMessage message = server.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(message.bareLineEndings()).isTrue();
        assertThat(message.text()).contains("MAIL FROM:<evil@test>"); // one message: LF.LF did not end the data
    }

    private SmtpTestClient tls() throws Exception {
        SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port());
        client.read();
        client.command("EHLO client.test");
        client.startTls(server.certificates().clientContext(), "localhost");
        client.command("EHLO client.test");
        return client;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
