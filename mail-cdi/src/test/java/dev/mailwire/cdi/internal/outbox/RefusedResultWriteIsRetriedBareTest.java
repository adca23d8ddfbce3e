package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database that refuses the text of a result (here a CHECK constraint against non-ASCII replies, standing in for a
 * column whose character set cannot hold a reply) must not turn a mail that went out into one sent again: the write
 * is retried with the replies and error cut down to printable ASCII, and the recipient's state is what is kept.
 */
@Timeout(30)
class RefusedResultWriteIsRetriedBareTest {

    @Test
    void refusedTextIsStoredBareAndTheStateKept() throws Exception {
        try (AgroalDataSource ds = Databases.h2()) {
            OutboxTable table = new OutboxTable(OutboxAdmin.DEFAULT_TABLE);
            OutboxSchema.ensure("bare", ds, table, true, "t", "c");
            Databases.execute(
                    ds,
                    "ALTER TABLE " + table.name + " ADD CONSTRAINT ascii_only CHECK (REGEXP_LIKE(recipients,"
                            + " '^[ -~\\t\\n]*$'))");
            OutboxStore store = new OutboxStore("bare", ds, table, "node", Duration.ofMinutes(1));
            String id = Outbox.newId();
            Instant now = Instant.now();
            Jta.inTransaction(() -> store.insert(
                    id,
                    "<" + id + "@example.org>",
                    List.of(RecipientState.pending("ada@example.org")),
                    MessageSpool.of(new byte[] {'x'}),
                    now,
                    now.plusSeconds(3600)));

            RecipientState accepted =
                    new RecipientState("ada@example.org", RecipientState.Status.DELIVERED, 250, "2.1.5 Grüße, ok");
            ResultWrite.Row row = new ResultWrite.Row(id, OutboxEntry.State.SENT, List.of(accepted), 1, now, now, null);
            assertThat(ResultWrite.write(store, row)).isTrue();

            OutboxEntry stored = new OutboxAdmin(ds).entry(id).orElseThrow();
            assertThat(stored.state()).isEqualTo(OutboxEntry.State.SENT);
            assertThat(stored.recipients()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RecipientState.Status.DELIVERED);
                assertThat(r.reply()).isEqualTo("2.1.5 Gr??e, ok");
            });
        }
    }
}
