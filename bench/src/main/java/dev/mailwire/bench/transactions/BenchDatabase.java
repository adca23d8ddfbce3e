package dev.mailwire.bench.transactions;

import com.arjuna.ats.jta.common.jtaPropertyManager;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The transactional DataSource of P4: an Agroal pool enlisted in embedded Narayana, over in-memory H2 or the local
 * PostgreSQL (127.0.0.1:5432, trust authentication, as the integration tests use it), in a database of the bench's
 * own ({@value #PG_DATABASE}) so that no test's tables are touched.
 */
final class BenchDatabase {

    static final String PG_DATABASE = "mailwire_bench";
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private BenchDatabase() {}

    /** @param kind {@code h2} or {@code postgresql} */
    static AgroalDataSource open(String kind, TransactionManager tm) throws SQLException {
        if (kind.equals("h2")) {
            return pool(tm, "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa");
        }
        boolean exists;
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
        return pool(tm, PG_SERVER + PG_DATABASE, "postgres");
    }

    static void execute(AgroalDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(AgroalDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static AgroalDataSource pool(TransactionManager tm, String url, String user) throws SQLException {
        var registry = jtaPropertyManager.getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(20)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .transactionIntegration(new NarayanaTransactionIntegration(tm, registry))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(url)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword("")))));
    }
}
