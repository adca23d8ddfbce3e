package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import io.agroal.api.AgroalDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An outbox sets its table up (creates or checks it, reads the database's clock) on the thread that starts it when
 * that thread has no transaction, and on a dispatcher thread only to escape one. Open Liberty runs no managed task
 * submitted while an application starts until the start has finished, so an outbox started by a start-up observer
 * that waited for a dispatcher thread would never start (the application hung in STARTING).
 */
@Timeout(60)
class TableSetUpRunsOnTheCallerUnlessInATransactionTest {

    private final AgroalDataSource pool = Databases.h2();
    /** The thread that asked for the first connection: the table's set-up, before the dispatcher's first look. */
    private final AtomicReference<Thread> first = new AtomicReference<>();

    private final DataSource recording = recording(pool, first);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void withoutATransactionTheCallerSetsTheTableUp() {
        try (Outbox outbox = start()) {
            assertThat(first.get()).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void insideATransactionADispatcherThreadSetsTheTableUp() throws Exception {
        try (Outbox outbox = Jta.inTransaction(this::start)) {
            assertThat(first.get()).isNotNull().isNotSameAs(Thread.currentThread());
        }
    }

    private Outbox start() {
        return Outbox.durable(
                "<default>",
                OutboxTestSettings.of("recording", Duration.ofMinutes(1)),
                recording,
                mail -> null,
                o -> {});
    }

    /** {@code pool}, noting the thread that asks for the first connection. */
    private static DataSource recording(DataSource pool, AtomicReference<Thread> first) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        first.compareAndSet(null, Thread.currentThread());
                    }
                    try {
                        return method.invoke(pool, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
