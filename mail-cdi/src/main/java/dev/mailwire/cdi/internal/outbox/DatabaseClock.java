package dev.mailwire.cdi.internal.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The outbox's time: the database's clock, as this node sees it. Leases, due times and expiries are compared between
 * nodes, and each node used its own wall clock: a node an hour ahead found every live lease run out and took the
 * entries of the node sending them (a double send). So every time the outbox writes or compares is this node's clock
 * corrected by its offset from the database's {@code CURRENT_TIMESTAMP}, measured at start and again at every sweep.
 * One extra query per poll interval, and the statements stay as they were (the offset is accurate to about half a
 * round trip, far below any lease).
 */
public final class DatabaseClock extends Clock {

    private static final Logger LOG = Logger.getLogger(DatabaseClock.class.getName());

    private final Clock node;
    private final DataSource dataSource;
    private volatile Duration offset = Duration.ZERO;

    private DatabaseClock(Clock node, DataSource dataSource) {
        this.node = node;
        this.dataSource = dataSource;
    }

    /**
     * A clock on {@code dataSource}'s time, measured now (outside any transaction: inside one, PostgreSQL's
     * {@code CURRENT_TIMESTAMP} is the transaction's start). Should that fail, it runs on the node's clock until
     * the first sweep measures it.
     */
    public static DatabaseClock of(Clock node, DataSource dataSource) {
        DatabaseClock clock = new DatabaseClock(node, dataSource);
        clock.resync();
        return clock;
    }

    /** Measures the offset again; on failure the last one stays (the sweep that calls it reports the database). */
    void resync() {
        try {
            measure();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "database clock not read; the last offset stays", e);
        }
    }

    private void measure() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT CURRENT_TIMESTAMP")) {
            Instant before = node.instant();
            Instant database;
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                database = rs.getObject(1, OffsetDateTime.class).toInstant();
            }
            Instant after = node.instant();
            Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
            offset = Duration.between(middle, database);
        }
    }

    /** How far the database's clock is ahead of this node's (negative: behind). */
    Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return node.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the outbox's clock is UTC");
    }
}
