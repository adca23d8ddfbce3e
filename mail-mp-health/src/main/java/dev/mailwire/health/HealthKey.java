package dev.mailwire.health;

import java.util.Optional;

/**
 * Every setting of the health checks, documented once, here; docs/health-and-telemetry.md repeats each name, type and
 * default, and a test keeps the two in step. They apply to all mailers alike, so they live outside
 * {@code mailwire.mailer.}: the mailers' typo check does not see them, and the health extension checks them instead
 * (a bad value or an unknown {@code mailwire.health.*} name fails the deployment). Read through the plain
 * MicroProfile Config API; the environment-variable form is {@code MAILWIRE_HEALTH_INTERVAL}.
 *
 * <p>Beyond the specifications: applications may refer to these constants; names never change.
 */
public enum HealthKey {
    /**
     * A mailer's server is probed at most once per interval, however often readiness is polled; a probe's answer
     * stands for this long. Keep it longer than the mailers' {@code pool.validate-after-idle}, so that a probe that
     * reuses an idle connection checks it with NOOP.
     */
    INTERVAL("interval", "ISO-8601 duration", "PT30S"),
    /**
     * The longest a readiness call waits for probes; a probe still running then is reported DOWN ({@code timeout})
     * and goes on in the background, so a server that never answers cannot hang the health endpoint.
     */
    TIMEOUT("timeout", "ISO-8601 duration", "PT5S"),
    /** A send that reached the server (any reply, even 5xx) counts as a successful probe for this long. */
    WINDOW("window", "ISO-8601 duration", "PT30S"),
    /** Readiness is DOWN while more committed mails than this wait in a mailer's outbox. Unset: not checked. */
    OUTBOX_MAX_BACKLOG("outbox.max-backlog", "long", null),
    /** Readiness is DOWN while a mailer's oldest waiting mail is older than this. Unset: not checked. */
    OUTBOX_MAX_AGE("outbox.max-age", "ISO-8601 duration", null);

    /** The prefix of every health setting. */
    public static final String PREFIX = "mailwire.health.";

    private final String key;
    private final String type;
    private final String defaultValue;

    HealthKey(String key, String type, String defaultValue) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    /** The full property name, e.g. {@code mailwire.health.interval}. */
    public String propertyName() {
        return PREFIX + key;
    }

    /** The type as docs/health-and-telemetry.md names it. */
    public String type() {
        return type;
    }

    /** The default, or empty for none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }
}
