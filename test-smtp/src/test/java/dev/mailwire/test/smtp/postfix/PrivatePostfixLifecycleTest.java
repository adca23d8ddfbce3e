package dev.mailwire.test.smtp.postfix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.test.smtp.SmtpTestClient;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Start, stop, restart and several instances at once: what the fault suites rely on. */
@Timeout(120)
class PrivatePostfixLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static PrivatePostfix postfix;

    @BeforeAll
    static void startPostfix() {
        postfix = PrivatePostfix.builder().plainListener().start();
    }

    @AfterAll
    static void stopPostfix() {
        postfix.close();
        assertThat(PostfixProcesses.of(postfix.directory().resolve("conf"))).isEmpty();
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        List<String> listeners = listeningSockets();
        String port = String.format(":%04X", postfix.port());
        assertThat(listeners).filteredOn(l -> l.endsWith(port)).containsExactly("0100007F" + port);
        assertThat(listeners).noneMatch(l -> l.endsWith(":0019") && l.matches("^0+:0019$"));
    }

    @Test
    void restartsOnTheSamePortKeepingMail() throws Exception {
        postfix.clearObservations();
        sendOne("before");
        int port = postfix.port();
        int restarts = 10;
        for (int i = 0; i < restarts; i++) {
            postfix.stop();
            assertThat(postfix.isRunning()).isFalse();
            assertThat(PostfixProcesses.of(postfix.directory().resolve("conf"))).isEmpty();
            assertThatThrownBy(() -> SmtpTestClient.connect(postfix.host(), port))
                    .isInstanceOf(ConnectException.class);
            postfix.start();
        }
        sendOne("after");
        assertThat(postfix.awaitDelivered(2, WAIT))
                .extracting(m -> m.subject().orElse(""))
                .containsExactly("before", "after");
    }

    @Test
    void marksSessionsOpenAtStopAsCutOff() throws Exception {
        postfix.clearObservations();
        try (SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.port())) {
            client.read();
            postfix.log().await(s -> !s.isEmpty(), WAIT, "a connection");
            postfix.stop();
            postfix.start();
        }
        assertThat(postfix.log().awaitEnded(1, WAIT))
                .singleElement()
                .extracting(SmtpSession::state)
                .isEqualTo(SmtpSession.State.CUT_OFF);
    }

    @Test
    void acceptsPlainMailFromLoopbackOnTheOptionalListener() throws Exception {
        postfix.clearObservations();
        try (SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.plainPort())) {
            client.read();
            assertThat(client.command("EHLO client.test").text())
                    .doesNotContain("STARTTLS")
                    .doesNotContain("AUTH");
            assertThat(client.send(
                            "a@example.test", List.of("b@example.test", "rejected@example.test"), "Subject: p\n\nx\n"))
                    .extracting(SmtpTestClient.Reply::code)
                    .containsExactly(250, 250, 550, 354, 250);
            client.command("QUIT");
        }
        assertThat(postfix.awaitDelivered(1, WAIT).get(0).receivedOverTls()).isFalse();
        assertThat(postfix.log().awaitEnded(1, WAIT).get(0).service()).isEqualTo("postfix/plain/smtpd");
    }

    @Test
    void runsSeveralInstancesAtOnce() throws Exception {
        List<PrivatePostfix> others = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                others.add(PrivatePostfix.builder()
                        .mode(PrivatePostfix.Mode.DISCARD)
                        .deleteOnClose(true)
                        .start());
            }
            assertThat(others)
                    .extracting(PrivatePostfix::port)
                    .doesNotHaveDuplicates()
                    .doesNotContain(postfix.port());
            for (PrivatePostfix other : others) {
                try (SmtpTestClient client = SmtpTestClient.connect(other.host(), other.port())) {
                    assertThat(client.read().code()).isEqualTo(220);
                }
            }
            others.get(0).close();
            assertThat(Files.exists(others.get(0).directory())).isFalse();
            try (SmtpTestClient client =
                    SmtpTestClient.connect(others.get(1).host(), others.get(1).port())) {
                assertThat(client.read().code()).isEqualTo(220);
            }
        } finally {
            others.forEach(PrivatePostfix::close);
        }
    }

    private static void sendOne(String subject) throws Exception {
        try (SmtpTestClient client = SmtpTestClient.connect(postfix.host(), postfix.port())) {
            client.read();
            client.command("EHLO client.test");
            client.startTls(postfix.certificates().clientContext(), "localhost");
            client.command("EHLO client.test");
            String user = PrivatePostfixBuilder.DEFAULT_USER;
            assertThat(client.authPlain(user, postfix.users().get(user)).code()).isEqualTo(235);
            assertThat(client.send(
                            postfix.address(user), List.of(postfix.address("x")), "Subject: " + subject + "\n\nx\n"))
                    .last()
                    .extracting(SmtpTestClient.Reply::code)
                    .isEqualTo(250);
            client.command("QUIT");
        }
        postfix.log().awaitLine("status=sent", WAIT);
    }

    /** "ADDRESS:PORT" in /proc/net/tcp's hex form for every listening TCP socket (IPv4 and IPv6). */
    private static List<String> listeningSockets() throws IOException {
        List<String> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line :
                    Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A")) { // TCP_LISTEN
                    sockets.add(fields[1]);
                }
            }
        }
        return sockets;
    }
}
