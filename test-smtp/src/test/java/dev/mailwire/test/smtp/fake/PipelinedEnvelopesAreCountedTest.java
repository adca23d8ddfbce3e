package dev.mailwire.test.smtp.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.test.smtp.SmtpTestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transcript tells a pipelined envelope (MAIL FROM written together with its RCPT TOs and DATA) from a lock-step
 * one: the reliability suite uses it to show that its fault runs really pipelined.
 */
@Timeout(30)
class PipelinedEnvelopesAreCountedTest {

    private FakeSmtpServer server;

    @BeforeEach
    void start() {
        server = FakeSmtpServer.builder().user("alice", "alice-secret").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void onlyTheEnvelopeWrittenInOneGoCountsAsPipelined() throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            client.startTls(server.certificates().clientContext(), "localhost");
            assertThat(client.command("EHLO client.test").lines()).contains("PIPELINING");
            assertThat(client.authPlain("alice", "alice-secret").code()).isEqualTo(235);

            client.send("alice@test", List.of("x@test"), "Subject: lock-step\r\n\r\nbody\r\n");

            client.write("MAIL FROM:<alice@test>\r\nRCPT TO:<x@test>\r\nRCPT TO:<y@test>\r\nDATA\r\n");
            assertThat(List.of(client.read(), client.read(), client.read(), client.read()))
                    .extracting(SmtpTestClient.Reply::code)
                    .containsExactly(250, 250, 250, 354);
            client.write("Subject: pipelined\r\n\r\nbody\r\n.\r\n");
            assertThat(client.read().code()).isEqualTo(250);
            client.command("QUIT");
        }
        server.awaitNoOpenConnections(Duration.ofSeconds(5));

        Transcript transcript = server.transcript(0);
        assertThat(transcript.envelopes()).isEqualTo(2);
        assertThat(transcript.pipelinedEnvelopes()).isEqualTo(1);
        assertThat(server.messages()).hasSize(2);
    }
}
