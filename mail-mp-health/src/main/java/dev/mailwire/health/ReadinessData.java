package dev.mailwire.health;

import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerStats;
import dev.mailwire.cdi.stats.MailerTarget;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.jca.pool.PoolStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The data one mailer adds to the readiness response, every key prefixed with the mailer's name. Texts come from
 * {@link MailerMonitor}, which scrubs credentials; the outbox texts are written here and hold none.
 */
final class ReadinessData {

    private ReadinessData() {}

    static void down(Map<String, Object> data, String name, String reason, String text) {
        data.put(name, "DOWN");
        data.put(name + ".reason", reason);
        if (text != null) {
            data.put(name + ".error", text);
        }
    }

    static void describe(Map<String, Object> data, String name, MailerMonitor monitor, Evidence evidence) {
        MailerTarget target = monitor.target();
        if (target.mode() == MailerStats.Mode.MOCK) {
            data.put(name + ".mock", true);
            return;
        }
        data.put(name + ".server", target.server());
        if (target.tls() != null) {
            data.put(name + ".tls", target.tls());
        }
        data.put(name + ".checked-by", evidence.source().name().toLowerCase(Locale.ROOT));
        data.put(name + ".checked-ago-ms", evidence.age(Instant.now()).toMillis());
        PoolStats pool = monitor.poolStats();
        if (pool != null) {
            data.put(name + ".pool.in-use", (long) pool.inUse());
            data.put(name + ".pool.idle", (long) pool.idle());
            data.put(name + ".pool.max", (long) pool.maxSize());
        }
        monitor.lastFailure().ifPresent(f -> data.put(name + ".last-error", f.text()));
    }

    /** Adds the outbox's figures; returns why they break a configured limit, if they do. */
    static Optional<String> outbox(Map<String, Object> data, String name, MailerMonitor monitor, HealthSettings s) {
        OutboxFigures f = monitor.outboxFigures();
        if (f == null) {
            return Optional.empty();
        }
        Duration age = f.oldestAge(Instant.now());
        data.put(name + ".outbox.backlog", f.backlog());
        data.put(name + ".outbox.oldest-age-s", age.toSeconds());
        data.put(name + ".outbox.dead-letters", f.deadLetters());
        if (s.maxBacklog().isPresent() && f.backlog() > s.maxBacklog().getAsLong()) {
            return Optional.of(HealthMessages.OUTBOX_BACKLOG.format(
                    f.backlog(),
                    HealthKey.OUTBOX_MAX_BACKLOG.propertyName(),
                    s.maxBacklog().getAsLong()));
        }
        if (s.maxAge().isPresent() && age.compareTo(s.maxAge().get()) > 0) {
            return Optional.of(HealthMessages.OUTBOX_AGE.format(
                    age.withNanos(0),
                    HealthKey.OUTBOX_MAX_AGE.propertyName(),
                    s.maxAge().get()));
        }
        return Optional.empty();
    }
}
