package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A DataSource that does not enlist in the JTA transaction would commit the outbox row on its own, and a rolled-back
 * transaction would still send its mail: such a DataSource is refused at the first send, naming the key.
 */
class NonTransactionalDataSourceIsRefusedTest {

    @Test
    void autoCommitConnectionInsideATransactionIsRefused() throws Exception {
        JdbcDataSource plain = new JdbcDataSource();
        plain.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        OutboxSettings settings = OutboxTestSettings.of("plain");
        try (Outbox outbox = Outbox.durable("<default>", settings, plain, mail -> null, o -> {})) {
            assertThatThrownBy(() -> Jta.inTransaction(
                            () -> outbox.hold(MessageSpool.of(new byte[] {1}), "<x@test>", List.of("a@example.org"))))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("MWTX-005")
                    .hasMessageContaining("mailwire.mailer.outbox.datasource");
        }
        assertThat(Databases.count(plain, "SELECT COUNT(*) FROM mailwire_outbox"))
                .isZero();
    }
}
