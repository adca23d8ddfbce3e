package dev.mailwire.test.smtp.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.SmtpTestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transcript counts a final dot that arrived with the next envelope behind it, before the server replied to the
 * dot (RFC 2920 §3.1): a client that writes the dot and the next MAIL FROM in one write counts one, a client that
 * waits for the dot's 250 counts none. The mail-jca tests use it to show that a final dot was, or was not, held.
 * Over plaintext, where the fake sees what came behind the dot (over TLS it would be in a record not yet read).
 */
@Timeout(30)
class EnvelopesWithFinalDotAreCountedTest {

    private static final String CONTENT = "Subject: counted\r\n\r\nbody\r\n";

    private FakeSmtpServer server;

    @BeforeEach
    void start() {
        server = FakeSmtpServer.builder().startTls(false).requireTls(false).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void dotWrittenWithTheNextMailFromCountsOne() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            envelope(client);
            client.write(CONTENT + ".\r\nMAIL FROM:<alice@test>\r\n");
            assertThat(client.read().code()).as("the dot's reply").isEqualTo(250);
            assertThat(client.read().code()).as("MAIL FROM's").isEqualTo(250);
            assertThat(client.command("RCPT TO:<x@test>").code()).isEqualTo(250);
            assertThat(client.command("DATA").code()).isEqualTo(354);
            client.write(CONTENT + ".\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            client.command("QUIT");
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));

        Transcript transcript = server.transcript(0);
        assertThat(server.messages()).hasSize(2);
        assertThat(transcript.envelopes()).isEqualTo(2);
        assertThat(transcript.envelopesWithFinalDot()).isEqualTo(1);
    }

    @Test
    void dotAnsweredBeforeTheNextMailFromCountsNone() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            envelope(client);
            client.write(CONTENT + ".\r\n");
            assertThat(client.read().code()).as("the dot's reply").isEqualTo(250);
            envelope(client);
            client.write(CONTENT + ".\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            client.command("QUIT");
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));

        Transcript transcript = server.transcript(0);
        assertThat(server.messages()).hasSize(2);
        assertThat(transcript.envelopes()).isEqualTo(2);
        assertThat(transcript.envelopesWithFinalDot()).isZero();
    }

    /** MAIL FROM, RCPT TO and DATA, each after the previous reply. */
    private static void envelope(SmtpTestClient client) throws Exception {
        assertThat(client.command("MAIL FROM:<alice@test>").code()).isEqualTo(250);
        assertThat(client.command("RCPT TO:<x@test>").code()).isEqualTo(250);
        assertThat(client.command("DATA").code()).isEqualTo(354);
    }
}
