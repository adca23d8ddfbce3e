package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.deployment.Orders;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.time.Duration;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail binds to the transaction active when it is sent: an outer {@code @Transactional} method sends one mail and
 * calls a {@code REQUIRES_NEW} method that sends another; each mail goes out exactly when its own transaction
 * commits, whatever the other does (outer commit/rollback × inner commit/rollback).
 */
@Timeout(60)
class RequiresNewMatrixTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    @Test
    void eachMailFollowsItsOwnTransaction() throws Exception {
        try (TestConfig config = TestConfig.use(TxSettings.outbox(TxSettings.postfix(SERVERS.postfix())));
                WeldContainer container =
                        TxContainers.boot(Orders.class, dev.mailwire.cdi.tx.deployment.Receipts.class)) {
            Orders orders = container.select(Orders.class).get();
            String to = SERVERS.postfix().address("ada");

            orders.place(to, "both commit", true, true);
            orders.place(to, "inner rolls back", true, false);
            assertThatThrownBy(() -> orders.place(to, "outer rolls back", false, true))
                    .isInstanceOf(Orders.Failure.class);
            assertThatThrownBy(() -> orders.place(to, "both roll back", false, false))
                    .isInstanceOf(Orders.Failure.class);

            assertThat(SERVERS.postfix().awaitDelivered(4, Duration.ofSeconds(20)))
                    .extracting(m -> m.subject().orElseThrow())
                    .containsExactlyInAnyOrder(
                            "both commit outer",
                            "both commit inner",
                            "inner rolls back outer",
                            "outer rolls back inner");
            // Rolled-back mail left no row; committed mail is recorded as sent, once each.
            assertThat(Databases.count(SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox"))
                    .isEqualTo(4);
            TxContainers.outcomes(container).await(4, Duration.ofSeconds(10));
            assertThat(Databases.count(
                            SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox WHERE state = 'SENT'"))
                    .isEqualTo(4);
            Thread.sleep(600); // three poll intervals: nothing more arrives
            assertThat(SERVERS.postfix().delivered())
                    .extracting(DeliveredMessage::messageId)
                    .doesNotHaveDuplicates()
                    .hasSize(4);
        }
    }
}
