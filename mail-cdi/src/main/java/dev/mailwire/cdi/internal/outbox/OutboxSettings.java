package dev.mailwire.cdi.internal.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How one mailer keeps and retries mail sent inside a JTA transaction, read from its {@code outbox.*} keys (each
 * documented on {@code dev.mailwire.cdi.MailerKey}). The retry policy applies without a data source too, to the mail
 * held in memory.
 *
 * <p>Not an API: built by Mailwire's CDI layer.
 *
 * @param keyPrefix the prefix of the mailer's keys ({@code mailwire.mailer.billing.}), for messages naming a key
 * @param dataSource the JNDI name or {@code @Named} bean name of the transactional DataSource; null keeps mail in
 *     memory (a crash after commit loses it)
 * @param table the outbox table, optionally schema-qualified
 * @param createSchema create the table when it is missing (otherwise only check it)
 * @param initialBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param maxAge how long after commit a mail is tried before it is dead-lettered
 * @param batchSize the most entries one sweep claims
 * @param lease how long a node owns an entry it is sending; must outlast one whole send
 * @param retention how long sent entries are kept before they are deleted
 * @param deadRetention how long dead-lettered entries are kept before they are deleted
 * @param pollInterval how often the sweeper looks for due entries
 * @param threads the most mails this mailer's dispatcher sends at once
 * @param memoryLimit without a data source, the most bytes of committed mail held in memory
 */
public record OutboxSettings(
        String keyPrefix,
        String dataSource,
        String table,
        boolean createSchema,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxAge,
        int batchSize,
        Duration lease,
        Duration retention,
        Duration deadRetention,
        Duration pollInterval,
        int threads,
        long memoryLimit) {

    public OutboxSettings {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(deadRetention, "deadRetention");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (batchSize < 1 || threads < 1 || memoryLimit < 1) {
            throw new IllegalArgumentException("batchSize, threads and memoryLimit must be at least 1");
        }
    }

    /** Whether mail is kept in a database table (durable) rather than in memory. */
    public boolean durable() {
        return dataSource != null;
    }

    /** Whether {@code name} can name the outbox table: unquoted identifiers, optionally {@code schema.table}. */
    public static boolean isTableName(String name) {
        return OutboxTable.isValidName(name);
    }

    /** The full property name of {@code key} ({@code outbox.lease}) for this mailer. */
    String property(String key) {
        return keyPrefix + key;
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(initialBackoff, maxBackoff, maxAge);
    }
}
