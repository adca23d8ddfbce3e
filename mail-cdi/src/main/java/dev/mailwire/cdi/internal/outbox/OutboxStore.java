package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.stats.OutboxFigures;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The JDBC side of one mailer's outbox. Insertion runs in the caller's JTA transaction (the DataSource enlists the
 * connection); everything else runs outside one, each statement committing on its own, so a claim is visible to the
 * other nodes at once. Times come from the caller's clock, the database's as this node measures it
 * ({@link DatabaseClock}), so nodes whose wall clocks disagree still agree on when a lease ends.
 */
public final class OutboxStore {

    /** An entry this node has claimed, with what an attempt needs. */
    record Claimed(
            String id,
            String messageId,
            List<RecipientState> recipients,
            MessageSpool message,
            int attempts,
            Instant expiresAt) {}

    /** What a row holds besides its content: readable even when its recipients or message are not. */
    record Head(String messageId, int attempts, Instant expiresAt) {}

    private final String mailer;
    private final DataSource dataSource;
    private final OutboxTable table;
    private final String owner;
    private final Duration lease;

    OutboxStore(String mailer, DataSource dataSource, OutboxTable table, String owner, Duration lease) {
        this.mailer = mailer;
        this.dataSource = dataSource;
        this.table = table;
        this.owner = owner;
        this.lease = lease;
    }

    String mailer() {
        return mailer;
    }

    OutboxTable table() {
        return table;
    }

    /**
     * Inserts the mail through the caller's transaction, leased to this node from {@code now}: once committed, no
     * other node takes it before the lease runs out, so this node's hand-over sends it without claiming it first. A
     * connection in auto-commit here was not enlisted in the JTA transaction: the row would stay after a rollback
     * and the mail be sent, so that is refused.
     *
     * @return whether the connection was enlisted (false: nothing was inserted)
     */
    boolean insert(
            String id,
            String messageId,
            List<RecipientState> recipients,
            MessageSpool message,
            Instant now,
            Instant expires)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (c.getAutoCommit()) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement(table.insert());
                    InputStream content = message.inHeap() ? null : message.open()) {
                s.setString(1, id);
                s.setString(2, mailer);
                s.setString(3, messageId);
                s.setString(4, RecipientState.encode(recipients));
                if (content == null) {
                    s.setBytes(5, message.bytes());
                } else {
                    // Streamed by the driver from the file as the statement runs: never whole in heap.
                    s.setBinaryStream(5, content, message.size());
                }
                s.setObject(6, time(now));
                s.setObject(7, time(now));
                s.setObject(8, time(expires));
                s.setString(9, owner);
                s.setObject(10, time(now.plus(lease)));
                s.executeUpdate();
            }
            return true;
        } catch (IOException e) {
            throw new SQLException("the rendered message cannot be read back from its file: " + e.getMessage(), e);
        }
    }

    List<String> due(int max, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.due(max))) {
            s.setString(1, mailer);
            s.setObject(2, time(now));
            s.setObject(3, time(now));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Takes the lease on a due entry; false when another node holds it or it is not due. */
    boolean claim(String id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.claim())) {
            s.setString(1, owner);
            s.setObject(2, time(now.plus(lease)));
            s.setString(3, id);
            s.setString(4, mailer);
            s.setObject(5, time(now));
            s.setObject(6, time(now));
            return s.executeUpdate() == 1;
        }
    }

    /** Renews this node's lease on an entry it inserted; false when another node has taken it over. */
    boolean renew(String id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.renew())) {
            s.setObject(1, time(now.plus(lease)));
            s.setString(2, id);
            s.setString(3, owner);
            return s.executeUpdate() == 1;
        }
    }

    Claimed load(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.load())) {
            s.setString(1, id);
            s.setString(2, owner);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String messageId = rs.getString(1);
                List<RecipientState> recipients = RecipientState.decode(rs.getString(2));
                MessageSpool message;
                // Streamed into a spool (a file past a megabyte). H2 streams a BLOB from its store; PostgreSQL's
                // driver holds a BYTEA whole in heap while it reads it, whatever the API.
                try (InputStream in = rs.getBinaryStream(3)) {
                    message = MessageSpool.copy(in);
                } catch (IOException e) {
                    throw new SQLException("the stored message cannot be read: " + e.getMessage(), e);
                }
                return new Claimed(
                        id,
                        messageId,
                        recipients,
                        message,
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant());
            }
        }
    }

    /** Records an attempt and gives up the lease; false when the lease was lost meanwhile. */
    boolean finish(ResultWrite.Row row) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.finish())) {
            s.setString(1, row.state().name());
            s.setString(2, RecipientState.encode(row.recipients()));
            s.setInt(3, row.attempts());
            s.setObject(4, time(row.next()));
            s.setObject(5, row.completed() == null ? null : time(row.completed()));
            s.setString(6, row.error() == null ? null : truncate(StoredText.clean(row.error()), 2000));
            s.setString(7, row.id());
            s.setString(8, owner);
            return s.executeUpdate() == 1;
        }
    }

    /** This node's leased row's plain columns; null when the lease is not this node's any more. */
    Head head(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.head())) {
            s.setString(1, id);
            s.setString(2, owner);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Head(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant());
            }
        }
    }

    /** Records a failed read as an attempt, leaving recipients and message as they are; gives up the lease. */
    boolean unreadable(String id, OutboxEntry.State state, int attempts, Instant next, Instant completed, String error)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.unreadable())) {
            s.setString(1, state.name());
            s.setInt(2, attempts);
            s.setObject(3, time(next));
            s.setObject(4, completed == null ? null : time(completed));
            s.setString(5, truncate(StoredText.clean(error), 2000));
            s.setString(6, id);
            s.setString(7, owner);
            return s.executeUpdate() == 1;
        }
    }

    void release(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.release())) {
            s.setString(1, id);
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    /** This mailer's waiting and dead entries; one query, outside any transaction. */
    OutboxFigures figures() throws SQLException {
        long pending = 0;
        long dead = 0;
        Instant oldest = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.figures())) {
            s.setString(1, mailer);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (OutboxEntry.State.valueOf(rs.getString(1)) == OutboxEntry.State.PENDING) {
                        pending = rs.getLong(2);
                        oldest = rs.getObject(3, OffsetDateTime.class).toInstant();
                    } else {
                        dead = rs.getLong(2);
                    }
                }
            }
        }
        return new OutboxFigures(pending, oldest, dead);
    }

    /**
     * Deletes entries in {@code state} (SENT or DEAD) completed before {@code before}. Dead letters go whole, not
     * only their message: a row without its message could not be requeued, and would only look like one that can.
     */
    int purge(OutboxEntry.State state, Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(table.purge())) {
            s.setString(1, state.name());
            s.setObject(2, time(before));
            return s.executeUpdate();
        }
    }

    public static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
