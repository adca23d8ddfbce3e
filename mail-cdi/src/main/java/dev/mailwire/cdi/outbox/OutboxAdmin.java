package dev.mailwire.cdi.outbox;

import dev.mailwire.cdi.internal.outbox.OutboxMaintenance;
import java.sql.SQLException;
import java.time.Instant;
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

    private final OutboxMaintenance sql;

    public OutboxAdmin(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /** @param table the mailers' {@code outbox.table} */
    public OutboxAdmin(DataSource dataSource, String table) {
        this.sql = new OutboxMaintenance(dataSource, table);
    }

    public Backlog backlog() throws SQLException {
        return sql.backlog();
    }

    /** The dead letters, oldest first, at most {@code max}. */
    public List<OutboxEntry> deadLetters(int max) throws SQLException {
        return sql.deadLetters(max);
    }

    public Optional<OutboxEntry> entry(String id) throws SQLException {
        return sql.entry(id);
    }

    /**
     * Puts a dead letter back in line: its recipients not yet delivered become pending again, it is due at once, and
     * it gets a fresh {@code outbox.max-age}. Recipients that accepted it are never sent it again.
     *
     * @return false if there is no dead entry with that id, or its recipients column does not parse
     */
    public boolean requeue(String id) throws SQLException {
        return sql.requeue(id);
    }

    /** Deletes an entry that is not pending (a dead letter given up on); false if there is none. */
    public boolean delete(String id) throws SQLException {
        return sql.delete(id);
    }
}
