package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server whose reply to the final dot carries a NUL and other control characters: PostgreSQL refuses 0x00 in a
 * text column, so the result write failed, the lease was given up and the mail was sent again at every poll. The
 * reply is stored cleaned: exactly one delivery, the row SENT, its reply text without a control character.
 */
@Timeout(60)
class ReplyWithNulIsStoredCleanTest {

    private static final String TABLE =
            "mw_nul_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Test
    void oneDeliveryAndTheRowSent() throws Exception {
        Behaviour dirtyReply = new Behaviour() {
            @Override
            public String acceptedRecipientReply(SmtpConnection c, String address) {
                return "250 2.1.5 Ok\u0000 queued\u0007\u001b[31m X\u007f1\u0085";
            }
        };
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(dirtyReply).start();
                AgroalDataSource ds = Databases.postgres()) {
            OutboxDataSource.current = ds;
            try (TestConfig config = TestConfig.use(settings(server));
                    WeldContainer container = TxContainers.boot()) {
                SendResult held = Jta.inTransaction(() -> TxContainers.mailer(container)
                        .send(Mail.builder()
                                .to("ada@example.org")
                                .subject("order")
                                .text("thanks")
                                .build()));
                server.awaitMessages(1, Duration.ofSeconds(20));
                // Twenty poll intervals, and past the lease: a failed result write would have sent it again.
                Thread.sleep(4000);
                assertThat(server.messages()).hasSize(1);

                OutboxEntry entry = new OutboxAdmin(ds, TABLE)
                        .entry(held.deferral().outboxEntry())
                        .orElseThrow();
                assertThat(entry.state()).isEqualTo(OutboxEntry.State.SENT);
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.recipients())
                        .extracting(RecipientState::reply)
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r).contains("queued").doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]");
                        });
            } finally {
                Databases.execute(ds, "DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    private static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = TxSettings.fakeServer(server);
        p.put("mailwire.mailer.send-timeout", "PT2S");
        Map<String, String> outbox = TxSettings.outbox(p);
        outbox.put("mailwire.mailer.outbox.lease", "PT3S");
        outbox.put("mailwire.mailer.outbox.table", TABLE);
        return outbox;
    }
}
