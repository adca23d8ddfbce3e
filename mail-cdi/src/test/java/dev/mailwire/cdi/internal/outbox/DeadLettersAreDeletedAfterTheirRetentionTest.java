package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.tx.Databases;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A dead letter kept its message, personal data and attachments included, for ever. The sweeper now deletes dead
 * letters older than {@code outbox.dead-retention}, row and message, and leaves younger ones for an operator to
 * requeue; sent entries keep their own retention.
 */
@Timeout(30)
class DeadLettersAreDeletedAfterTheirRetentionTest {

    @Test
    void oldDeadLettersGoYoungOnesStay() throws Exception {
        try (AgroalDataSource ds = Databases.h2()) {
            OutboxSchema.ensure("retention", ds, new OutboxTable(OutboxAdmin.DEFAULT_TABLE), true, "t", "c");
            Instant now = Instant.now();
            String oldDead = insert(ds, "DEAD", now.minus(Duration.ofDays(3)));
            String youngDead = insert(ds, "DEAD", now.minus(Duration.ofHours(20)));
            String sentWithinItsRetention = insert(ds, "SENT", now.minus(Duration.ofDays(3)));
            OutboxAdmin admin = new OutboxAdmin(ds);

            try (Outbox outbox = Outbox.durable("retention", settings(), ds, (m, id, to, size) -> null, o -> {})) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (admin.entry(oldDead).isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(admin.entry(oldDead)).isEmpty();
            assertThat(admin.entry(youngDead)).isPresent();
            assertThat(admin.entry(sentWithinItsRetention)).isPresent();
        }
    }

    private static OutboxSettings settings() {
        return new OutboxSettings(
                "mailwire.mailer.",
                "ds",
                OutboxAdmin.DEFAULT_TABLE,
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofHours(1),
                10,
                Duration.ofMinutes(1),
                Duration.ofDays(7), // sent entries
                Duration.ofDays(1), // dead letters
                Duration.ofMillis(200),
                1,
                1 << 20);
    }

    private static String insert(AgroalDataSource ds, String state, Instant completed) throws Exception {
        String id = UUID.randomUUID().toString();
        String sql =
                "INSERT INTO " + OutboxAdmin.DEFAULT_TABLE + " (id, mailer, message_id, state, recipients, message,"
                        + " attempts, created_at, next_attempt_at, expires_at, completed_at)"
                        + " VALUES (?, 'retention', ?, ?, ?, ?, 1, ?, ?, ?, ?)";
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, "<" + id + "@example.org>");
            s.setString(3, state);
            s.setString(4, "R\t550\tada@example.org\tno such user\n");
            s.setBytes(5, new byte[] {'x'});
            s.setObject(6, OutboxStore.time(completed));
            s.setObject(7, OutboxStore.time(completed));
            s.setObject(8, OutboxStore.time(completed));
            s.setObject(9, OutboxStore.time(completed));
            s.executeUpdate();
        }
        return id;
    }
}
