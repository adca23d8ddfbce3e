package dev.mailwire.it.reliability.support;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The outbox's database: the PostgreSQL this machine runs (127.0.0.1:5432, trust authentication, database
 * {@code test}), through an Agroal pool enlisted in embedded Narayana, as an application without a server has it.
 */
public final class Databases {

    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private Databases() {}

    public static AgroalDataSource postgres() {
        requirePostgres();
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(24)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .transactionIntegration(new NarayanaTransactionIntegration(Jta.tm(), Jta.registry()))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(URL)
                                .principal(new NamePrincipal(USER))
                                .credential(new SimplePassword(""))));
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the pool for " + URL, e);
        }
    }

    /** A table name no other run or test uses. */
    public static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The suite proves durability on the real database: an unreachable one fails the test, never skips it. */
    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new AssertionError(
                    "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                            + "). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
                    e);
        }
    }

    public static void drop(DataSource ds, String table) {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + table, e);
        }
    }
}
