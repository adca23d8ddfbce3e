package dev.mailwire.cdi.internal.config;

import dev.mailwire.cdi.internal.send.RecipientGuard;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One mailer's settings, checked at deployment: what the running mailer is built from.
 *
 * @param config the raw values, kept so the runtime builds its connection factory from what was checked
 * @param mock send nothing, record into {@code MockMailbox}
 * @param connectionFactory the JNDI name of the server's connection factory, or empty for the embedded pool
 * @param maxMessageSize the configured largest message in bytes
 * @param guard the approved-recipients guard ({@link RecipientGuard#NONE} when unset)
 * @param transactional when to deliver relative to a JTA transaction
 * @param asyncQueueSize how many {@code sendAsync} calls may wait for the embedded executor
 * @param pool the embedded pool's settings, or null when the pool is not used (mock, connection-factory)
 */
public record MailerDefinition(
        MailerConfig config,
        boolean mock,
        Optional<String> connectionFactory,
        long maxMessageSize,
        RecipientGuard guard,
        Transactional transactional,
        int asyncQueueSize,
        PoolSettings pool) {

    /** The {@code transactional} setting. */
    public enum Transactional {
        /** Inside a JTA transaction, deliver after commit; outside one, now. */
        AUTO,
        /** Always deliver now. */
        NEVER
    }

    public String name() {
        return config.mailer();
    }

    /** A new managed connection factory from the checked settings; the caller closes it. */
    public MailManagedConnectionFactory newConnectionFactory(Supplier<String> tokens) {
        return AdapterSettings.factory(config, new Values(config, new Problems(name(), List.of())), tokens);
    }
}
