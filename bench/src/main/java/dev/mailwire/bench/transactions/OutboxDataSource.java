package dev.mailwire.bench.transactions;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import javax.sql.DataSource;

/** The application's transactional DataSource, named for {@code outbox.datasource=outbox}. */
public class OutboxDataSource {

    static volatile DataSource current;

    @Produces
    @Named("outbox")
    DataSource dataSource() {
        return current;
    }
}
