package dev.mailwire.cdi.tx;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * Transactional DataSources for tests: an Agroal pool enlisted in embedded Narayana, over H2 (zero setup) or the
 * PostgreSQL server this machine runs (127.0.0.1:5432, trust authentication, database {@code test}).
 */
public final class Databases {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private Databases() {}

    /** A fresh in-memory H2 database. */
    public static AgroalDataSource h2() {
        return pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    }

    public static AgroalDataSource postgres() {
        requirePostgres();
        return pool(POSTGRES_URL, POSTGRES_USER);
    }

    public static AgroalDataSource pool(String url, String user) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(20)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .transactionIntegration(new NarayanaTransactionIntegration(Jta.tm(), Jta.registry()))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(url)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(""))));
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the pool for " + url, e);
        }
    }

    /**
     * Fails the test, clearly, when PostgreSQL is not reachable: these tests prove multi-node claims on the real
     * database and must not pass by being skipped.
     */
    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new AssertionError(
                    "PostgreSQL is not reachable at " + POSTGRES_URL + " as " + POSTGRES_USER
                            + " (" + e.getMessage() + "). Start it: pg_ctlcluster --skip-systemctl-redirect"
                            + " $(ls /etc/postgresql) main start",
                    e);
        }
    }

    public static void execute(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static long count(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
