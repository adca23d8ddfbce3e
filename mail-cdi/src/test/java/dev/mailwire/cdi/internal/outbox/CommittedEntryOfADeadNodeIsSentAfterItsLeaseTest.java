package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import dev.mailwire.cdi.tx.TxContainers;
import dev.mailwire.cdi.tx.TxSettings;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A row is inserted leased to the node whose transaction writes it, and that node's hand-over sends it without a
 * claim. When that node dies between the commit and the hand-over, the entry is not lost: another node's sweeper
 * leaves it alone while the lease lives (it would otherwise be sent twice) and sends it, once, when the lease has
 * run out.
 */
@Timeout(90)
class CommittedEntryOfADeadNodeIsSentAfterItsLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void anotherNodeSendsItOnceTheLeaseHasRunOut() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                AgroalDataSource dataSource = Databases.h2()) {
            OutboxTable table = new OutboxTable("mailwire_outbox");
            OutboxSchema.ensure(Mailer.DEFAULT_NAME, dataSource, table, true, "table", "create");
            // The dead node: its transaction committed the row, and it died before its hand-over ran.
            OutboxStore dead = new OutboxStore(Mailer.DEFAULT_NAME, dataSource, table, "dead-node", LEASE);
            String id = Outbox.newId();
            String messageId = "<" + id + "@dead.example>";
            String to = postfix.address("ada");
            byte[] message = ("From: " + postfix.address("app") + "\r\nTo: " + to + "\r\nSubject: orphan\r\n"
                            + "Message-ID: " + messageId + "\r\n\r\nsent after the lease\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            Instant committed = Instant.now();
            Jta.inTransaction(() -> dead.insert(
                    id,
                    messageId,
                    List.of(RecipientState.pending(to)),
                    MessageSpool.of(message),
                    committed,
                    committed.plus(Duration.ofHours(1))));

            OutboxDataSource.current = dataSource;
            Map<String, String> settings = TxSettings.outbox(TxSettings.postfix(postfix));
            settings.put("mailwire.mailer.outbox.lease", "PT10S");
            try (TestConfig config = TestConfig.use(settings);
                    WeldContainer other = TxContainers.boot()) {
                TxContainers.mailer(other).name(); // starts the mailer, and with it its sweeper (every 0.2 s)

                Thread.sleep(LEASE.minusMillis(1500).toMillis());
                assertThat(postfix.delivered())
                        .as("sent while the dead node's lease still ran")
                        .isEmpty();

                List<DeliveredMessage> delivered = postfix.awaitDelivered(1, Duration.ofSeconds(20));
                assertThat(Duration.between(committed, Instant.now())).isGreaterThanOrEqualTo(LEASE);
                assertThat(delivered.get(0).messageId())
                        .hasValueSatisfying(v -> assertThat(v).contains(id));
                Thread.sleep(1000); // five sweeps more: a second copy would arrive now
                assertThat(postfix.delivered()).hasSize(1);
                assertThat(new OutboxAdmin(dataSource).backlog().sent()).isEqualTo(1);
            }
        }
    }
}
