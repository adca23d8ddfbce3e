package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.MailerConfigurationException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Makes sure the outbox table is there when the mailer starts: checks it has every column, creates it when it is
 * missing (unless the application forbids DDL), and fails naming the key and the docs' DDL otherwise. Runs outside
 * any transaction, so the DDL commits on its own.
 */
final class OutboxSchema {

    private OutboxSchema() {}

    /**
     * @param tableKey the full name of the {@code outbox.table} setting, for errors
     * @param createKey the full name of the {@code outbox.create-schema} setting, for errors
     */
    static void ensure(
            String mailer,
            DataSource dataSource,
            OutboxTable table,
            boolean create,
            String tableKey,
            String createKey) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, table.name)) {
                if (!create) {
                    throw new MailerConfigurationException(
                            mailer, createKey, OutboxMessages.TABLE_MISSING.format(mailer, table.name, createKey));
                }
                create(mailer, c, table, createKey);
            }
            // Every column the code uses must be there with a type the driver reads: a query for no row says so.
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(table.probe())) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new MailerConfigurationException(
                    mailer, tableKey, OutboxMessages.TABLE_INVALID.format(mailer, table.name, e.getMessage()));
        }
    }

    private static void create(String mailer, Connection c, OutboxTable table, String createKey) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        OutboxTable.Dialect dialect = OutboxTable.Dialect.of(product);
        if (dialect == null) {
            throw new MailerConfigurationException(
                    mailer, createKey, OutboxMessages.NO_DDL.format(mailer, table.name, product));
        }
        boolean auto = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            for (String ddl : table.ddl(dialect)) {
                s.execute(ddl);
            }
            if (!auto) {
                c.commit();
            }
        } catch (SQLException e) {
            if (!auto) {
                c.rollback();
            }
            // Two nodes that start at once both find no table; the one that loses the race finds it made.
            if (!exists(c, table.name)) {
                throw e;
            }
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        int dot = name.indexOf('.');
        String schema = dot < 0 ? null : name.substring(0, dot);
        String local = name.substring(dot + 1);
        DatabaseMetaData meta = c.getMetaData();
        // Unquoted names are stored upper case by H2 (as the standard says) and lower case by PostgreSQL.
        Set<String> forms = new LinkedHashSet<>();
        forms.add(local);
        forms.add(local.toUpperCase(Locale.ROOT));
        forms.add(local.toLowerCase(Locale.ROOT));
        for (String form : forms) {
            String s = schema == null ? null : sameCase(form, local, schema);
            try (ResultSet rs = meta.getTables(null, s, form, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sameCase(String form, String local, String schema) {
        if (form.equals(local)) {
            return schema;
        }
        return form.equals(local.toUpperCase(Locale.ROOT))
                ? schema.toUpperCase(Locale.ROOT)
                : schema.toLowerCase(Locale.ROOT);
    }
}
