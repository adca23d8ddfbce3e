package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.MailerConfigurationException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds the DataSource that {@code outbox.datasource} names: in JNDI first (a server's JTA data source, such as
 * {@code java:jboss/datasources/AppDS} or {@code jdbc/app}), else a CDI bean of type {@code DataSource} qualified
 * {@code @Named} with that name (embedded: the application produces its pool, enlisted in its transaction manager).
 * A JDBC URL is not accepted: a pool Mailwire made itself would not enlist in the application's transactions, and
 * the row must commit or roll back with the business data.
 *
 * <p>Not an API: public only for Mailwire's CDI layer.
 */
public final class OutboxDataSources {

    private OutboxDataSources() {}

    /** @param key the full name of {@code outbox.datasource}, for the error */
    public static DataSource lookup(String mailer, String key, String name) {
        String jndiProblem;
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource ds) {
                return ds;
            }
            jndiProblem =
                    "JNDI holds a " + (found == null ? "null" : found.getClass().getName());
        } catch (NamingException e) {
            jndiProblem = "JNDI: " + e;
        }
        Optional<DataSource> bean = bean(name);
        if (bean.isPresent()) {
            return bean.get();
        }
        throw new MailerConfigurationException(
                mailer, key, OutboxMessages.DATASOURCE_NOT_FOUND.format(mailer, key, name, name, jndiProblem));
    }

    private static Optional<DataSource> bean(String name) {
        try {
            Instance<DataSource> candidates = CDI.current().select(DataSource.class, NamedLiteral.of(name));
            return candidates.isResolvable() ? Optional.of(candidates.get()) : Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.empty(); // no CDI container
        }
    }
}
