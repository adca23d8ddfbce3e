package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The application's JVM is killed (kill -9) after the commit and before the mail is delivered: a new JVM on the same
 * PostgreSQL outbox delivers it, with the Message-ID the first one reported. The first JVM is killed in the middle of
 * its delivery attempt (its SMTP server accepts the connection and never answers), so it dies holding the entry's
 * lease: the second takes the entry over once the lease has run out.
 */
@Timeout(120)
class KilledJvmAfterCommitTest {

    private static final String TABLE =
            "mw_killed_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static PrivatePostfix postfix;
    private static AgroalDataSource database;

    @BeforeAll
    static void start() {
        postfix = PrivatePostfix.builder().start();
        database = Databases.postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        Databases.execute(database, "DROP TABLE IF EXISTS " + TABLE);
        database.close();
        postfix.close();
    }

    @Test
    void aNewJvmDeliversWhatTheKilledOneCommitted() throws Exception {
        String messageId;
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Map<String, String> first = node(silent.getLocalPort());
            first.put("node.send", "1");
            Node doomed = Node.start("killed-first", first);
            doomed.await("READY", Duration.ofSeconds(60));
            messageId = doomed.committed().get(0);
            // Its dispatcher has connected and waits for a greeting that never comes: kill it there.
            List<Socket> held = new ArrayList<>();
            held.add(silent.accept());
            doomed.kill();
            held.forEach(KilledJvmAfterCommitTest::closeQuietly);
        }
        OutboxAdmin admin = new OutboxAdmin(database, TABLE);
        // Committed, not delivered, and still leased by the dead JVM.
        assertThat(admin.backlog().pending()).isEqualTo(1);

        try (Node second = Node.start("killed-second", node(postfix.port()))) {
            second.await("READY", Duration.ofSeconds(60));
            DeliveredMessage delivered =
                    postfix.awaitDelivered(1, Duration.ofSeconds(30)).get(0);
            assertThat(delivered.messageId()).contains(messageId);
            Thread.sleep(1000);
            assertThat(postfix.delivered()).hasSize(1);
            assertThat(admin.backlog().sent()).isEqualTo(1);
        }
    }

    private static Map<String, String> node(int smtpPort) {
        Map<String, String> p = new HashMap<>(TxSettings.outbox(TxSettings.postfix(postfix)));
        p.put("mailwire.mailer.port", String.valueOf(smtpPort));
        p.put("mailwire.mailer.outbox.table", TABLE);
        p.put("mailwire.mailer.read-timeout", "PT2S");
        p.put("mailwire.mailer.send-timeout", "PT2S");
        p.put("mailwire.mailer.outbox.lease", "PT3S");
        p.put("node.jdbc-url", Databases.POSTGRES_URL);
        p.put("node.jdbc-user", Databases.POSTGRES_USER);
        p.put("node.to", postfix.address("ada"));
        return p;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // the test is done with it
        }
    }
}
