package dev.mailwire.jca.pool;

import dev.mailwire.jca.JcaMessages;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one embedded pool; immutable and checked when built. The {@code pool.*} names are the
 * MicroProfile Config keys ({@code mailwire.mailer[.<name>].pool.*}, DESIGN §3) that mail-cdi maps onto them. In an
 * application server these settings do not apply: the server's pool does.
 *
 * @param mailer the mailer's name, used in every error and in the evictor thread's name; {@code <default>} for the
 *     unnamed mailer (also when null)
 * @param maxSize {@code pool.max-size}, int, default 8: the most connections that exist at once (idle and in use,
 *     all identities together); at least 1. Keep it under the server's per-client limit (Postfix: 50 per IP)
 * @param minIdle {@code pool.min-idle}, int, default 0: idle connections of the default identity the evictor keeps
 *     open ahead of demand; 0 to {@code maxSize}
 * @param idleTimeout {@code pool.idle-timeout}, ISO-8601 duration, default PT60S: an idle connection unused for
 *     longer is closed. Keep it under the server's idle limit (Postfix closes idle sessions after 300 s)
 * @param maxLifetime {@code pool.max-lifetime}, ISO-8601 duration, default PT5M: a connection older than this is
 *     closed when it is next idle, so credentials, DNS and TLS are renewed
 * @param maxMessagesPerConnection {@code pool.max-messages-per-connection}, int, default 1000: a connection
 *     implementing {@link MessageCounter} is closed once it has sent this many messages; at least 1. Not lower:
 *     each retirement costs a new TCP + TLS + AUTH handshake (the benchmark measured 2.3× the throughput at one
 *     thread against a TLS server without retirements than with one every 100 messages), {@code max-lifetime}
 *     renews connections anyway, and a server that caps messages per session answers 421 at MAIL FROM, which the
 *     adapter retries on a fresh connection unseen by the caller
 * @param acquireTimeout {@code pool.acquire-timeout}, ISO-8601 duration, default PT30S: how long a send waits for a
 *     connection when all {@code maxSize} are in use, before {@link dev.mailwire.PoolExhaustedException}
 * @param validateAfterIdle {@code pool.validate-after-idle}, ISO-8601 duration, default PT5S: a connection idle for
 *     longer is validated (SMTP NOOP) before it is handed out. Never on every borrow: Postfix counts NOOPs as junk
 *     commands and drops a session after about 110 of them (DESIGN §6)
 * @param evictionInterval not a config key; how often the evictor runs (closes expired idle connections, tops up
 *     {@code minIdle}). Default: the smallest of PT5S, {@code idleTimeout / 2} and {@code maxLifetime / 2}, at
 *     least 1 ms
 */
public record PoolSettings(
        String mailer,
        int maxSize,
        int minIdle,
        Duration idleTimeout,
        Duration maxLifetime,
        int maxMessagesPerConnection,
        Duration acquireTimeout,
        Duration validateAfterIdle,
        Duration evictionInterval) {

    /** The name of the unnamed mailer. */
    public static final String DEFAULT_MAILER = "<default>";

    /** Checks every setting; a bad one throws {@link dev.mailwire.MailerConfigurationException} naming its key. */
    public PoolSettings {
        mailer = mailer == null ? DEFAULT_MAILER : mailer;
        if (maxSize < 1) {
            throw PoolMessages.invalidSetting(mailer, "pool.max-size", maxSize, "at least 1");
        }
        if (minIdle < 0 || minIdle > maxSize) {
            throw PoolMessages.invalidSetting(
                    mailer, "pool.min-idle", minIdle, "between 0 and pool.max-size (" + maxSize + ")");
        }
        requirePositive(mailer, "pool.idle-timeout", idleTimeout);
        requirePositive(mailer, "pool.max-lifetime", maxLifetime);
        if (maxMessagesPerConnection < 1) {
            throw PoolMessages.invalidSetting(
                    mailer, "pool.max-messages-per-connection", maxMessagesPerConnection, "at least 1");
        }
        requirePositive(mailer, "pool.acquire-timeout", acquireTimeout);
        requirePositive(mailer, "pool.validate-after-idle", validateAfterIdle);
        if (evictionInterval == null) {
            evictionInterval = deriveEvictionInterval(idleTimeout, maxLifetime);
        }
        requirePositive(mailer, "pool.eviction-interval", evictionInterval);
    }

    /** The defaults of DESIGN §3 for the unnamed mailer. */
    public static PoolSettings defaults() {
        return builder().build();
    }

    /** A builder preset with the defaults of DESIGN §3. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(String mailer, String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw PoolMessages.invalidSetting(mailer, key, value, JcaMessages.EXPECTED_DURATION);
        }
    }

    private static Duration deriveEvictionInterval(Duration idleTimeout, Duration maxLifetime) {
        Duration interval = Duration.ofSeconds(5);
        if (idleTimeout != null && idleTimeout.dividedBy(2).compareTo(interval) < 0) {
            interval = idleTimeout.dividedBy(2);
        }
        if (maxLifetime != null && maxLifetime.dividedBy(2).compareTo(interval) < 0) {
            interval = maxLifetime.dividedBy(2);
        }
        Duration floor = Duration.ofMillis(1);
        return interval.compareTo(floor) < 0 ? floor : interval;
    }

    /** Builds {@link PoolSettings}; each setter takes the value documented on the record component of its name. */
    public static final class Builder {
        private String mailer = DEFAULT_MAILER;
        private int maxSize = 8;
        private int minIdle = 0;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration maxLifetime = Duration.ofMinutes(5);
        private int maxMessagesPerConnection = 1000;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private Duration validateAfterIdle = Duration.ofSeconds(5);
        private Duration evictionInterval;

        private Builder() {}

        public Builder mailer(String mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Builder minIdle(int minIdle) {
            this.minIdle = minIdle;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        public Builder maxMessagesPerConnection(int maxMessagesPerConnection) {
            this.maxMessagesPerConnection = maxMessagesPerConnection;
            return this;
        }

        public Builder acquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
            return this;
        }

        public Builder validateAfterIdle(Duration validateAfterIdle) {
            this.validateAfterIdle = validateAfterIdle;
            return this;
        }

        /** Null (the default) derives the interval from the timeouts. */
        public Builder evictionInterval(Duration evictionInterval) {
            this.evictionInterval = evictionInterval;
            return this;
        }

        /** Checks and builds; throws {@link dev.mailwire.MailerConfigurationException} naming the bad key. */
        public PoolSettings build() {
            return new PoolSettings(
                    mailer,
                    maxSize,
                    minIdle,
                    idleTimeout,
                    maxLifetime,
                    maxMessagesPerConnection,
                    acquireTimeout,
                    validateAfterIdle,
                    evictionInterval);
        }
    }
}
