package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
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
 * Two application JVMs share one PostgreSQL outbox; 1,000 mails are committed (500 by each) while the SMTP server
 * is down, so every one of them is left to the sweepers, and both nodes' sweepers compete for every entry once the
 * server is back. The Maildir then holds each committed Message-ID exactly once: 0 duplicates, 0 lost.
 */
@Timeout(240)
class TwoNodesNeverSendTwiceTest {

    private static final int PER_NODE = 500;
    private static final String TABLE =
            "mw_two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static PrivatePostfix postfix;
    private static AgroalDataSource database;

    @BeforeAll
    static void start() {
        // A login per node: the server's own record tells which node sent each mail.
        postfix = PrivatePostfix.builder()
                .user("node-a", "secret-a")
                .user("node-b", "secret-b")
                .start();
        database = Databases.postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        Databases.execute(database, "DROP TABLE IF EXISTS " + TABLE);
        database.close();
        postfix.close();
    }

    @Test
    void everyCommittedMailIsDeliveredExactlyOnce() throws Exception {
        postfix.stop();
        try (Node a = Node.start("node-a", node("node-a"));
                Node b = Node.start("node-b", node("node-b"))) {
            a.await("READY", Duration.ofSeconds(120));
            b.await("READY", Duration.ofSeconds(120));
            List<String> committed = new ArrayList<>(a.committed());
            committed.addAll(b.committed());
            assertThat(committed).hasSize(2 * PER_NODE).doesNotHaveDuplicates();
            assertThat(new OutboxAdmin(database, TABLE).backlog().pending()).isEqualTo(2 * PER_NODE);

            postfix.start();
            List<DeliveredMessage> delivered = postfix.awaitDelivered(2 * PER_NODE, Duration.ofSeconds(120));
            awaitSent(2 * PER_NODE);
            Thread.sleep(1000); // five poll intervals more: a duplicate would arrive now
            delivered = postfix.delivered();

            List<String> ids =
                    delivered.stream().map(m -> m.messageId().orElseThrow()).toList();
            assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
            // Both nodes took part, and entries committed by one node were sent by the other.
            assertThat(delivered)
                    .extracting(m -> m.authenticatedSender().orElseThrow())
                    .contains(postfix.address("node-a"), postfix.address("node-b"));
            assertThat(delivered)
                    .anySatisfy(m -> assertThat(
                                    postfix.address(m.subject().orElseThrow().split(" ")[0]))
                            .isNotEqualTo(m.authenticatedSender().orElseThrow()));
        }
    }

    private static void awaitSent(long count) throws Exception {
        OutboxAdmin admin = new OutboxAdmin(database, TABLE);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.backlog().sent() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(admin.backlog().sent()).isEqualTo(count);
    }

    private static Map<String, String> node(String user) {
        Map<String, String> p = new HashMap<>(TxSettings.outbox(TxSettings.postfix(postfix)));
        p.put("mailwire.mailer.username", user);
        p.put("mailwire.mailer.password", postfix.users().get(user));
        p.put("mailwire.mailer.outbox.table", TABLE);
        p.put("mailwire.mailer.outbox.batch-size", "20");
        p.put("mailwire.mailer.pool.max-size", "4");
        p.put("node.jdbc-url", Databases.POSTGRES_URL);
        p.put("node.jdbc-user", Databases.POSTGRES_USER);
        p.put("node.to", postfix.address("ada"));
        p.put("node.send", String.valueOf(PER_NODE));
        p.put("node.threads", "4");
        return p;
    }
}
