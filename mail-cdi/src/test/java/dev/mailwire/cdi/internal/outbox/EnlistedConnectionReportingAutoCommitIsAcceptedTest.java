package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import io.agroal.api.AgroalDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Some servers' connection handles (Open Liberty's) report the auto-commit their application asked for even while
 * they are enlisted in a global transaction, and enlist only at first use. Such a DataSource is transactional: the
 * outbox must take it, and its rows must still roll back with the transaction. Whether a handle reporting auto-commit
 * is enlisted is asked the way JDBC defines: {@code setAutoCommit(true)} is refused inside a distributed transaction.
 * The fake below behaves so over a real enlisting pool (Agroal in Narayana); a plain DataSource stays refused
 * ({@link NonTransactionalDataSourceIsRefusedTest}).
 */
class EnlistedConnectionReportingAutoCommitIsAcceptedTest {

    private final AgroalDataSource pool = Databases.h2();
    private final DataSource reportsAutoCommit = reportingAutoCommit(pool);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void rowInsertedThroughSuchAHandleFollowsTheTransaction() throws Exception {
        try (Outbox outbox = Outbox.durable(
                "<default>", OutboxTestSettings.of("liberty-like"), reportsAutoCommit, mail -> null, o -> {})) {
            assertThatThrownBy(() -> Jta.inTransaction(() -> {
                        outbox.hold(MessageSpool.of(new byte[] {1}), "<rolled-back@test>", List.of("a@example.org"));
                        throw new IllegalStateException("roll back");
                    }))
                    .hasMessage("roll back");
            assertThat(Databases.count(pool, "SELECT COUNT(*) FROM mailwire_outbox"))
                    .isZero();

            assertThatCode(() -> Jta.inTransaction(() -> {
                        outbox.hold(MessageSpool.of(new byte[] {1}), "<committed@test>", List.of("a@example.org"));
                        // Before the commit the row is the transaction's: seen through it, not yet by anyone else.
                        assertThat(Databases.count(reportsAutoCommit, "SELECT COUNT(*) FROM mailwire_outbox"))
                                .isEqualTo(1);
                        return null;
                    }))
                    .doesNotThrowAnyException();
        }
    }

    /**
     * {@code pool}, whose handles answer {@code getAutoCommit()} with true whatever their state, and refuse
     * {@code setAutoCommit(true)} while the real connection is in a transaction (it then is not in auto-commit).
     */
    private static DataSource reportingAutoCommit(DataSource pool) {
        InvocationHandler source = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                return handle((Connection) invoke(pool, method, args));
            }
            return invoke(pool, method, args);
        };
        return (DataSource)
                Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, source);
    }

    private static Connection handle(Connection real) {
        InvocationHandler handle = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAutoCommit":
                    return true;
                case "setAutoCommit":
                    if (!real.getAutoCommit()) {
                        throw new SQLException("setAutoCommit is not allowed during a global transaction");
                    }
                    return null;
                default:
                    return invoke(real, method, args);
            }
        };
        return (Connection)
                Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handle);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
