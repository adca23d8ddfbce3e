package dev.mailwire.test.smtp.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.test.smtp.SmtpTestClient;
import dev.mailwire.test.smtp.SmtpTestClient.Reply;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each fault hook does what it says, seen from a plain client. */
@Timeout(30)
class FakeSmtpServerFaultsTest {

    @Test
    void stripsStartTlsFromTheEhloReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.stripStartTls())
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            assertThat(client.command("EHLO client.test").lines())
                    .doesNotContain("STARTTLS")
                    .contains("PIPELINING");
            client.command("QUIT");
        }
    }

    @Test
    void repliesPerRecipientAndPerCommand() throws Exception {
        Behaviour behaviour = Faults.rcpt("busy@test", 450, "4.2.1 mailbox busy")
                .and(Faults.rcpt("gone@test", 550, "5.1.1 no such user"));
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .requireTls(false)
                        .behaviour(behaviour)
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            List<Reply> replies = client.send("a@test", List.of("busy@test", "gone@test", "ok@test"), "x\r\n");
            assertThat(replies).extracting(Reply::code).containsExactly(250, 450, 550, 250, 354, 250);
            assertThat(server.messages().get(0).recipients()).containsExactly("ok@test");

            server.behaviour(Faults.replyAndClose("MAIL", 421, "4.3.2 shutting down"));
            assertThat(client.command("MAIL FROM:<a@test>").code()).isEqualTo(421);
            assertThatThrownBy(client::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void greetsWith421AndCloses() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.greeting(421, "4.3.2 busy"))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            assertThat(client.read().code()).isEqualTo(421);
            assertThatThrownBy(client::read).isInstanceOf(IOException.class);
        }
    }

    @Test
    void staysSilentAndClosesHungConnectionsOnClose() throws Exception {
        FakeSmtpServer server =
                FakeSmtpServer.builder().behaviour(Faults.silent()).start();
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            server.awaitConnections(1, Duration.ofSeconds(5));
            assertThat(server.openConnections()).isEqualTo(1);
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(client::read).isInstanceOf(SocketTimeoutException.class);
            server.close();
            server.close(); // idempotent
            assertThat(server.openConnections()).isZero();
        }
    }

    @Test
    void tricklesReplies() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.trickle(Duration.ofMillis(5)))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            long start = System.nanoTime();
            client.read(); // "220 localhost ESMTP fake\r\n": 26 bytes
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(100));
        }
    }

    @Test
    void closesAfterAGivenNumberOfMessages() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .requireTls(false)
                        .behaviour(Faults.closeAfterMessages(2))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            assertThat(client.send("a@test", List.of("b@test"), "1\r\n"))
                    .last()
                    .extracting(Reply::code)
                    .isEqualTo(250);
            assertThat(client.send("a@test", List.of("b@test"), "2\r\n"))
                    .last()
                    .extracting(Reply::code)
                    .isEqualTo(250);
            assertThatThrownBy(() -> client.command("NOOP")).isInstanceOf(IOException.class);
            assertThat(server.messages()).hasSize(2);
        }
    }

    @Test
    void neverAnswersTheFinalDotButKeepsTheMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .requireTls(false)
                        .behaviour(Faults.neverAnswerFinalDot())
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> client.send("a@test", List.of("b@test"), "x\r\n"))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(server.messages()).hasSize(1);
        }
    }

    @Test
    void injectsPlaintextAfterTheStartTlsReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.injectAfterStartTls("250 forged\r\n"))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            // A careful client reads exactly the 220; the injected line then corrupts the handshake.
            assertThatThrownBy(() -> client.startTls(server.certificates().clientContext(), "localhost"))
                    .isInstanceOf(SSLException.class);
            assertThat(server.transcript(0).lines())
                    .extracting(Transcript.Line::text)
                    .contains("250 forged");
        }
    }

    @Test
    void refusesAClientThatDoesNotTrustTheCertificate() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .certificates(TestCertificates.otherHost())
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            assertThatThrownBy(() -> client.startTls(server.certificates().clientContext(), "localhost"))
                    .isInstanceOf(SSLException.class);
            server.awaitNoOpenConnections(Duration.ofSeconds(5));
            assertThat(server.transcript(0).tlsFailure()).isPresent();
        }
    }

    @Test
    void stopsReadingDuringDataSoTheClientsWriteBlocks() throws Exception {
        FakeSmtpServer server = FakeSmtpServer.builder()
                .requireTls(false)
                .receiveBufferSize(4096)
                .behaviour(Faults.stopReadingDuringData())
                .start();
        try (SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<a@test>");
            client.command("RCPT TO:<b@test>");
            assertThat(client.command("DATA").code()).isEqualTo(354);
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    client.write("x".repeat(32 * 1024 * 1024));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> write.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            server.close(); // unblocks the writer with an error
            assertThatThrownBy(() -> write.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        } finally {
            server.close();
        }
    }

    @Test
    void demandsAuthBeforeStartTls() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .authBeforeTls(true)
                        .requireTls(false)
                        .behaviour(Faults.demandAuthBeforeStartTls())
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            assertThat(client.command("EHLO client.test").lines())
                    .doesNotContain("STARTTLS")
                    .contains("AUTH PLAIN LOGIN XOAUTH2");
            assertThat(client.command("MAIL FROM:<a@test>").code()).isEqualTo(530);
        }
    }

    @Test
    void closesIdleConnectionsWith421() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .idleTimeout(Duration.ofMillis(200))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            assertThat(client.read().code()).isEqualTo(421);
        }
    }

    @Test
    void answersGarbageOrNothingOrHangsUpAtAGivenCommand() throws Exception {
        Behaviour behaviour = Faults.garbageReplyTo("HELP").and(Faults.dropAt("VRFY"));
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(behaviour).start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.write("HELP\r\n");
            assertThatThrownBy(client::read).isInstanceOf(NumberFormatException.class); // "HTTP/1.1 400 ..."
            client.write("VRFY x\r\n");
            assertThatThrownBy(client::read).isInstanceOf(IOException.class);
        }
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .behaviour(Faults.blackHoleAt("EHLO"))
                        .start();
                SmtpTestClient client = SmtpTestClient.connect(server.host(), server.port())) {
            client.read();
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> client.command("EHLO client.test")).isInstanceOf(SocketTimeoutException.class);
            assertThat(server.transcript(0).commands()).containsExactly("EHLO client.test");
        }
    }
}
