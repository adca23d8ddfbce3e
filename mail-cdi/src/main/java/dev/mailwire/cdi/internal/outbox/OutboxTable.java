package dev.mailwire.cdi.internal.outbox;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The outbox table's SQL, in one place: the DDL per database (docs/transactions.md repeats it; a test keeps the two
 * in step) and the statements, which are plain SQL that PostgreSQL and H2 both run. The table name comes from
 * configuration and is spliced into the SQL, so it is checked to be an identifier first.
 */
public final class OutboxTable {

    /** {@code name} or {@code schema.name}, unquoted identifiers only. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    static final List<String> COLUMNS = List.of(
            "id",
            "mailer",
            "message_id",
            "state",
            "recipients",
            "message",
            "attempts",
            "created_at",
            "next_attempt_at",
            "expires_at",
            "lease_owner",
            "lease_until",
            "completed_at",
            "last_error");

    /** The database kinds whose DDL Mailwire knows; any other needs the table created by hand. */
    enum Dialect {
        POSTGRESQL("TEXT", "BYTEA"),
        H2("CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT");

        private final String text;
        private final String bytes;

        Dialect(String text, String bytes) {
            this.text = text;
            this.bytes = bytes;
        }

        /** From {@code DatabaseMetaData.getDatabaseProductName()}; null when unknown. */
        static Dialect of(String productName) {
            String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
            return p.contains("postgres") ? POSTGRESQL : p.equals("h2") ? H2 : null;
        }
    }

    public final String name;

    public OutboxTable(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a table name (letters, digits and '_', optionally schema.table)");
        }
        this.name = name;
    }

    static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** CREATE TABLE and its index for {@code dialect}. */
    List<String> ddl(Dialect dialect) {
        // PostgreSQL puts an index in its table's schema and refuses a qualified index name; H2 wants it qualified.
        String index = (dialect == Dialect.H2 ? name : name.substring(name.indexOf('.') + 1)) + "_due";
        String ts = "TIMESTAMP WITH TIME ZONE";
        return List.of(
                "CREATE TABLE " + name + " ("
                        + "id VARCHAR(36) NOT NULL PRIMARY KEY, "
                        + "mailer VARCHAR(200) NOT NULL, "
                        + "message_id VARCHAR(998) NOT NULL, "
                        + "state VARCHAR(8) NOT NULL, "
                        + "recipients " + dialect.text + " NOT NULL, "
                        + "message " + dialect.bytes + " NOT NULL, "
                        + "attempts INTEGER NOT NULL, "
                        + "created_at " + ts + " NOT NULL, "
                        + "next_attempt_at " + ts + " NOT NULL, "
                        + "expires_at " + ts + " NOT NULL, "
                        + "lease_owner VARCHAR(64), "
                        + "lease_until " + ts + ", "
                        + "completed_at " + ts + ", "
                        + "last_error VARCHAR(2000))",
                "CREATE INDEX " + index + " ON " + name + " (mailer, state, next_attempt_at)");
    }

    String probe() {
        return "SELECT " + String.join(", ", COLUMNS) + " FROM " + name + " WHERE 1 = 0";
    }

    /** A new entry, leased already to the node whose transaction inserts it (that node's hand-over sends it). */
    String insert() {
        return "INSERT INTO " + name + " (id, mailer, message_id, state, recipients, message, attempts, created_at,"
                + " next_attempt_at, expires_at, lease_owner, lease_until)"
                + " VALUES (?, ?, ?, 'PENDING', ?, ?, 0, ?, ?, ?, ?, ?)";
    }

    /**
     * Due entries of one mailer not leased by a live node, the longest waiting first (so a backlog drains in order);
     * the claim below decides who sends.
     */
    String due(int max) {
        return "SELECT id FROM " + name + " WHERE mailer = ? AND state = 'PENDING' AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, created_at FETCH FIRST "
                + max
                + " ROWS ONLY";
    }

    /**
     * The claim: one atomic UPDATE that succeeds for one node only. Under READ COMMITTED, PostgreSQL re-checks the
     * WHERE clause of an UPDATE that waited for a concurrent one, so the loser updates no row.
     */
    String claim() {
        return "UPDATE " + name + " SET lease_owner = ?, lease_until = ? WHERE id = ? AND mailer = ?"
                + " AND state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";
    }

    /**
     * Extends this node's lease, from its insert, on a pending entry; updates nothing once another node has taken
     * the entry over (it can only have done so after the lease ran out, and then holds it under its own name).
     */
    String renew() {
        return "UPDATE " + name + " SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'PENDING'";
    }

    String load() {
        return "SELECT message_id, recipients, message, attempts, expires_at FROM " + name
                + " WHERE id = ? AND lease_owner = ?";
    }

    /** Records an attempt, only while this node still holds the lease. */
    String finish() {
        return "UPDATE " + name + " SET state = ?, recipients = ?, attempts = ?, next_attempt_at = ?,"
                + " completed_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?";
    }

    String head() {
        return "SELECT message_id, attempts, expires_at FROM " + name + " WHERE id = ? AND lease_owner = ?";
    }

    /** A failed read recorded as an attempt: recipients and message are left as they are. */
    String unreadable() {
        return "UPDATE " + name + " SET state = ?, attempts = ?, next_attempt_at = ?, completed_at = ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?";
    }

    String release() {
        return "UPDATE " + name + " SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?";
    }

    /** Per state of one mailer's waiting and dead entries: the count and the oldest created_at. */
    String figures() {
        return "SELECT state, COUNT(*), MIN(created_at) FROM " + name
                + " WHERE mailer = ? AND state IN ('PENDING', 'DEAD') GROUP BY state";
    }

    /** Entries of one state completed before a time: sent ones after outbox.retention, dead after dead-retention. */
    String purge() {
        return "DELETE FROM " + name + " WHERE state = ? AND completed_at < ?";
    }
}
