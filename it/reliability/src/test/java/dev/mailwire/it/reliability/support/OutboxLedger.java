package dev.mailwire.it.reliability.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The outbox table read as the ledger of what was committed: a row exists for every mail whose transaction
 * committed (and only for those), so it is the count the deliveries are checked against — also for a JVM killed
 * between its commit and telling anyone.
 *
 * @param states Message-ID → state (PENDING, SENT, DEAD)
 * @param attempts delivery attempts over all entries
 * @param maxAttempts the most attempts one entry needed
 * @param longestDelay the longest time from commit to the end of delivery
 * @param unattempted entries with no attempt recorded (a settled entry must have at least one)
 */
public record OutboxLedger(
        Map<String, String> states, long attempts, int maxAttempts, Duration longestDelay, int unattempted) {

    public static OutboxLedger read(DataSource ds, String table) throws SQLException {
        Map<String, String> states = new HashMap<>();
        long attempts = 0;
        int max = 0;
        long delayMillis = 0;
        int unattempted = 0;
        String sql = "SELECT message_id, state, attempts, created_at, completed_at FROM " + table;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getString(2));
                attempts += rs.getInt(3);
                max = Math.max(max, rs.getInt(3));
                unattempted += rs.getInt(3) == 0 ? 1 : 0;
                java.sql.Timestamp created = rs.getTimestamp(4);
                java.sql.Timestamp completed = rs.getTimestamp(5);
                if (completed != null) {
                    delayMillis = Math.max(delayMillis, completed.getTime() - created.getTime());
                }
            }
        }
        return new OutboxLedger(Map.copyOf(states), attempts, max, Duration.ofMillis(delayMillis), unattempted);
    }

    /** Waits until no entry is pending; returns the ledger then. */
    public static OutboxLedger awaitSettled(DataSource ds, String table, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        OutboxLedger ledger = read(ds, table);
        while (ledger.count("PENDING") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            ledger = read(ds, table);
        }
        return ledger;
    }

    public long count(String state) {
        return states.values().stream().filter(state::equals).count();
    }

    public Set<String> ids(String state) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().equals(state))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    public int committed() {
        return states.size();
    }
}
