package dev.mailwire.it.reliability.support.deployment;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import javax.sql.DataSource;

/** The application's transactional DataSource, named for {@code outbox.datasource=outbox}; set before boot. */
public class OutboxDataSource {

    public static volatile DataSource current;

    @Produces
    @Named("outbox")
    DataSource dataSource() {
        return current;
    }
}
