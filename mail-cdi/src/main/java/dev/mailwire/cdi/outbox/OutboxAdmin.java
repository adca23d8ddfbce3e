package dev.mailwire.cdi.outbox;

import dev.mailwire.cdi.internal.outbox.DatabaseClock;
import dev.mailwire.cdi.internal.outbox.OutboxStore;
import dev.mailwire.cdi.internal.outbox.OutboxTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Operating the outbox: how much waits, what was dead-lettered, and putting dead letters back in line. Plain JDBC on
 * the application's own DataSource, so it serves an admin endpoint, a health check or a script alike. Every method
 * commits on its own; none sends anything — a requeued entry is sent by a mailer's sweeper within its poll interval.
 *
 * <p>Beyond the specifications: a Mailwire API.
 */
public final class OutboxAdmin {

    /** The table {@code outbox.table} names when unset. */
    public static final String DEFAULT_TABLE = "mailwire_outbox";

    /**
     * @param pending entries waiting for an attempt
     * @param dead dead-lettered entries
     * @param sent delivered entries not yet deleted by retention
     * @param oldestPending when the oldest waiting entry was committed, or null when none waits
     */
    public record Backlog(long pending, long dead, long sent, Instant oldestPending) {}

    private static final String COLUMNS = "id, mailer, message_id, state, recipients, attempts, created_at,"
            + " next_attempt_at, expires_at, completed_at, last_error";

    private final DataSource dataSource;
    private final OutboxTable table;

    public OutboxAdmin(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /** @param table the mailers' {@code outbox.table} */
    public OutboxAdmin(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = new OutboxTable(table);
    }

    public Backlog backlog() throws SQLException {
        long pending = 0, dead = 0, sent = 0;
        Instant oldest = null;
        String sql = "SELECT state, COUNT(*), MIN(created_at) FROM " + table.name + " GROUP BY state";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long n = rs.getLong(2);
                switch (OutboxEntry.State.valueOf(rs.getString(1))) {
                    case PENDING -> {
                        pending = n;
                        oldest = rs.getObject(3, OffsetDateTime.class).toInstant();
                    }
                    case DEAD -> dead = n;
                    case SENT -> sent = n;
                }
            }
        }
        return new Backlog(pending, dead, sent, oldest);
    }

    /** The dead letters, oldest first, at most {@code max}. */
    public List<OutboxEntry> deadLetters(int max) throws SQLException {
        return query("WHERE state = 'DEAD' ORDER BY created_at FETCH FIRST " + Math.max(0, max) + " ROWS ONLY", null);
    }

    public Optional<OutboxEntry> entry(String id) throws SQLException {
        return query("WHERE id = ?", id).stream().findFirst();
    }

    /**
     * Puts a dead letter back in line: its recipients not yet delivered become pending again, it is due at once, and
     * it gets a fresh {@code outbox.max-age}. Recipients that accepted it are never sent it again.
     *
     * @return false if there is no dead entry with that id, or its recipients column does not parse
     */
    public boolean requeue(String id) throws SQLException {
        Optional<OutboxEntry> found = entry(id).filter(e -> e.state() == OutboxEntry.State.DEAD);
        if (found.isEmpty()) {
            return false;
        }
        OutboxEntry e = found.get();
        if (e.recipients().isEmpty()) {
            return false; // its recipients column does not parse: fix the row (or delete it) first
        }
        List<RecipientState> again = new ArrayList<>();
        for (RecipientState r : e.recipients()) {
            again.add(r.status() == RecipientState.Status.DELIVERED ? r : RecipientState.pending(r.address()));
        }
        Instant now = DatabaseClock.of(java.time.Clock.systemUTC(), dataSource).instant(); // the nodes' time
        Duration maxAge = Duration.between(e.createdAt(), e.expiresAt());
        String sql = "UPDATE " + table.name + " SET state = 'PENDING', recipients = ?, attempts = 0,"
                + " next_attempt_at = ?, expires_at = ?, completed_at = NULL, last_error = NULL"
                + " WHERE id = ? AND state = 'DEAD'";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, RecipientState.encode(again));
            s.setObject(2, OutboxStore.time(now));
            s.setObject(3, OutboxStore.time(now.plus(maxAge)));
            s.setString(4, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Deletes an entry that is not pending (a dead letter given up on); false if there is none. */
    public boolean delete(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("DELETE FROM " + table.name + " WHERE id = ? AND state <> 'PENDING'")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    private List<OutboxEntry> query(String where, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table.name + " " + where)) {
            if (id != null) {
                s.setString(1, id);
            }
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new OutboxEntry(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            OutboxEntry.State.valueOf(rs.getString(4)),
                            readable(rs.getString(5)),
                            rs.getInt(6),
                            instant(rs, 7),
                            instant(rs, 8),
                            instant(rs, 9),
                            instant(rs, 10),
                            rs.getString(11)));
                }
            }
            return entries;
        }
    }

    /**
     * The recipients, or none when the column does not parse (a row edited by hand): such a row is still listed,
     * with its {@code lastError} saying why it was dead-lettered, so that an operator can see and delete it.
     */
    private static List<RecipientState> readable(String column) {
        try {
            return RecipientState.decode(column);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
