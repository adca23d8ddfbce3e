package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.config.MailerConfig;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.config.Problems;
import dev.mailwire.cdi.internal.config.Values;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a mailer's {@code outbox.*} keys into {@link OutboxSettings}. Defaults come from {@link MailerKey}, where they
 * are documented. {@link #check} reports every problem (for the deployment check); {@link #of} builds the settings
 * of a checked mailer.
 */
public final class TransactionSettings {

    /** Dispatcher threads when the pool size does not bound them (mock mode, a server's pool). */
    private static final int DEFAULT_THREADS = 2;

    private TransactionSettings() {}

    /** Adds every problem of the {@code outbox.*} keys to {@code problems}; empty when they are fine. */
    public static Optional<OutboxSettings> check(MailerConfig c, Problems problems, int threads) {
        Values v = new Values(c, problems);
        String table = c.get(MailerKey.OUTBOX_TABLE).orElse(defaultOf(MailerKey.OUTBOX_TABLE));
        if (!OutboxSettings.isTableName(table)) {
            v.bad(MailerKey.OUTBOX_TABLE, table, "a table name: letters, digits and '_', optionally schema.table");
        }
        Duration initial = duration(v, MailerKey.OUTBOX_INITIAL_BACKOFF);
        Duration max = duration(v, MailerKey.OUTBOX_MAX_BACKOFF);
        Duration maxAge = duration(v, MailerKey.OUTBOX_MAX_AGE);
        Duration lease = duration(v, MailerKey.OUTBOX_LEASE);
        Duration retention = duration(v, MailerKey.OUTBOX_RETENTION);
        Duration deadRetention = duration(v, MailerKey.OUTBOX_DEAD_RETENTION);
        long memoryLimit = v.longValue(MailerKey.OUTBOX_MEMORY_LIMIT, 1)
                .orElse(Long.parseLong(defaultOf(MailerKey.OUTBOX_MEMORY_LIMIT)));
        Duration poll = duration(v, MailerKey.OUTBOX_POLL_INTERVAL);
        int batch = v.integer(MailerKey.OUTBOX_BATCH_SIZE, 1)
                .orElse(Integer.parseInt(defaultOf(MailerKey.OUTBOX_BATCH_SIZE)));
        boolean create = v.bool(MailerKey.OUTBOX_CREATE_SCHEMA)
                .orElse(Boolean.parseBoolean(defaultOf(MailerKey.OUTBOX_CREATE_SCHEMA)));
        Duration sendTimeout =
                v.duration(MailerKey.SEND_TIMEOUT).orElse(Duration.parse(defaultOf(MailerKey.SEND_TIMEOUT)));
        if (lease.compareTo(sendTimeout) <= 0) {
            problems.add(
                    c.property(MailerKey.OUTBOX_LEASE),
                    OutboxMessages.LEASE_TOO_SHORT.format(
                            c.mailer(),
                            c.property(MailerKey.OUTBOX_LEASE),
                            lease,
                            c.property(MailerKey.SEND_TIMEOUT),
                            sendTimeout));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OutboxSettings(
                MailerKey.propertyPrefix(c.mailer()),
                c.get(MailerKey.OUTBOX_DATASOURCE).orElse(null),
                table,
                create,
                initial,
                max,
                maxAge,
                batch,
                lease,
                retention,
                deadRetention,
                poll,
                threads,
                memoryLimit));
    }

    /** The settings of a mailer whose keys were checked at deployment; a problem throws, naming the key. */
    static OutboxSettings of(MailerDefinition d) {
        Problems problems = new Problems(d.name(), List.of());
        int threads = d.pool() == null ? DEFAULT_THREADS : d.pool().maxSize();
        Optional<OutboxSettings> settings = check(d.config(), problems, threads);
        if (settings.isEmpty()) {
            throw problems.list().get(0);
        }
        return settings.get();
    }

    private static Duration duration(Values v, MailerKey key) {
        Duration d = v.duration(key).orElse(Duration.parse(defaultOf(key)));
        if (d.isNegative() || d.isZero()) {
            v.bad(key, d.toString(), "a positive ISO-8601 duration");
            return Duration.parse(defaultOf(key));
        }
        return d;
    }

    private static String defaultOf(MailerKey key) {
        return key.defaultValue().orElseThrow();
    }
}
