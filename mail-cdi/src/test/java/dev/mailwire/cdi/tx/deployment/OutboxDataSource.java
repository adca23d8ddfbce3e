package dev.mailwire.cdi.tx.deployment;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import javax.sql.DataSource;

/** The application's transactional DataSource, named for {@code outbox.datasource=outbox}; set by each test. */
public class OutboxDataSource {

    public static volatile DataSource current;

    @Produces
    @Named("outbox")
    DataSource dataSource() {
        return current;
    }
}
