package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.tx.Databases;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Leases are compared on the database's clock, not each node's: a node whose wall clock is an hour ahead saw every
 * live lease as run out and took over entries another node was sending (a double send). With the clock corrected
 * against the database, it neither finds such an entry due nor claims it; and it still takes an entry whose lease
 * has really run out.
 */
@Timeout(30)
class SkewedNodeTakesNoLiveLeaseTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void nodeAnHourAheadDoesNotTakeALiveLease() throws Exception {
        try (AgroalDataSource ds = Databases.h2()) {
            OutboxTable table = new OutboxTable(OutboxAdmin.DEFAULT_TABLE);
            OutboxSchema.ensure("skew", ds, table, true, "table", "create");
            String live = insertDue(ds);
            String stale = insertDue(ds);

            Clock right = DatabaseClock.of(Clock.systemUTC(), ds);
            OutboxStore sending = new OutboxStore("skew", ds, table, "sending-node", LEASE);
            assertThat(sending.claim(live, right.instant())).isTrue();
            OutboxStore died = new OutboxStore("skew", ds, table, "dead-node", Duration.ofMillis(1));
            assertThat(died.claim(stale, right.instant())).isTrue();
            Thread.sleep(20); // the dead node's 1 ms lease runs out

            Clock ahead = DatabaseClock.of(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)), ds);
            OutboxStore skewed = new OutboxStore("skew", ds, table, "skewed-node", LEASE);
            assertThat(skewed.due(10, ahead.instant())).containsExactly(stale);
            assertThat(skewed.claim(live, ahead.instant())).isFalse();
            assertThat(skewed.claim(stale, ahead.instant())).isTrue();
        }
    }

    private static String insertDue(AgroalDataSource ds) throws Exception {
        String id = UUID.randomUUID().toString();
        Instant due = Instant.now().minusSeconds(5);
        String sql =
                "INSERT INTO " + OutboxAdmin.DEFAULT_TABLE + " (id, mailer, message_id, state, recipients, message,"
                        + " attempts, created_at, next_attempt_at, expires_at) VALUES (?, 'skew', ?, 'PENDING', ?, ?, 0, ?, ?, ?)";
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, "<" + id + "@example.org>");
            s.setString(3, "P\t0\tada@example.org\t\n");
            s.setBytes(4, new byte[] {'x'});
            s.setObject(5, OutboxStore.time(due));
            s.setObject(6, OutboxStore.time(due));
            s.setObject(7, OutboxStore.time(due.plus(Duration.ofHours(1))));
            s.executeUpdate();
        }
        return id;
    }
}
