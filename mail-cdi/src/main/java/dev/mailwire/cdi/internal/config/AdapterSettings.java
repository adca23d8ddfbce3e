package dev.mailwire.cdi.internal.config;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Hands a mailer's connection and pool keys to the resource adapter's own types, which own their checks and their
 * defaults: a key left unset keeps the adapter's default, so the two never disagree.
 */
public final class AdapterSettings {

    private AdapterSettings() {}

    /** A factory carrying the connection keys, not yet validated; bad numbers and booleans go to {@code problems}. */
    static MailManagedConnectionFactory factory(MailerConfig c, Values values, Supplier<String> tokens) {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName(c.mailer());
        c.get(MailerKey.HOST).ifPresent(f::setHost);
        values.integer(MailerKey.PORT).ifPresent(f::setPort);
        c.get(MailerKey.TLS).ifPresent(f::setTls);
        c.get(MailerKey.TRUST_STORE).ifPresent(f::setTrustStore);
        c.get(MailerKey.TRUST_STORE_PASSWORD).ifPresent(f::setTrustStorePassword);
        c.get(MailerKey.TRUST_STORE_TYPE).ifPresent(f::setTrustStoreType);
        c.get(MailerKey.USERNAME).ifPresent(f::setUsername);
        c.get(MailerKey.PASSWORD).ifPresent(f::setPassword);
        c.get(MailerKey.AUTH_MECHANISMS).ifPresent(f::setAuthMechanisms);
        values.bool(MailerKey.ALLOW_PLAINTEXT_AUTH).ifPresent(f::setAllowPlaintextAuth);
        c.get(MailerKey.CONNECT_TIMEOUT).ifPresent(f::setConnectTimeout);
        c.get(MailerKey.READ_TIMEOUT).ifPresent(f::setReadTimeout);
        c.get(MailerKey.SEND_TIMEOUT).ifPresent(f::setSendTimeout);
        Map<String, String> session = c.entries(MailerKey.SESSION);
        if (!session.isEmpty()) {
            f.setSessionProperties(session.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";")));
        }
        f.setTokenSupplier(tokens);
        return f;
    }

    /** The connection keys that travel with each request to a server's connection factory (not the pool keys). */
    static final List<MailerKey> REQUEST_KEYS = List.of(
            MailerKey.HOST,
            MailerKey.PORT,
            MailerKey.TLS,
            MailerKey.TRUST_STORE,
            MailerKey.TRUST_STORE_PASSWORD,
            MailerKey.TRUST_STORE_TYPE,
            MailerKey.AUTH_MECHANISMS,
            MailerKey.ALLOW_PLAINTEXT_AUTH,
            MailerKey.CONNECT_TIMEOUT,
            MailerKey.READ_TIMEOUT,
            MailerKey.SEND_TIMEOUT);

    /**
     * The application's connection settings as a connection spec for a server's connection factory, or null when
     * the application sets none (the connection definition then holds them all). The server's pool keeps
     * connections made for different specs apart, so one identity's connection never serves another.
     */
    public static MailConnectionSpec spec(MailerConfig c) {
        MailConnectionSpec.Builder b = MailConnectionSpec.builder();
        boolean any = false;
        for (MailerKey key : REQUEST_KEYS) {
            Optional<String> value = c.get(key);
            if (value.isPresent()) {
                b.setting(key.key(), value.get());
                any = true;
            }
        }
        for (Map.Entry<String, String> e : c.entries(MailerKey.SESSION).entrySet()) {
            b.setting("session." + e.getKey(), e.getValue());
            any = true;
        }
        if (c.isSet(MailerKey.USERNAME)) {
            b.username(c.get(MailerKey.USERNAME).get());
            b.password(c.get(MailerKey.PASSWORD).map(String::toCharArray).orElse(null));
            any = true;
        }
        return any ? b.build() : null;
    }

    /** Checks the connection keys with the factory's own rules; the problem names the full key. */
    static void validate(MailerConfig c, MailManagedConnectionFactory f, Problems problems) {
        try {
            f.validate();
        } catch (MailerConfigurationException e) {
            problems.fromAdapter(c, e);
        }
    }

    /** The embedded pool's settings, or empty when a key is bad (reported to {@code problems}). */
    static Optional<PoolSettings> pool(MailerConfig c, Values values, Problems problems) {
        PoolSettings.Builder b = PoolSettings.builder().mailer(c.mailer());
        values.integer(MailerKey.POOL_MAX_SIZE).ifPresent(b::maxSize);
        values.integer(MailerKey.POOL_MIN_IDLE).ifPresent(b::minIdle);
        values.duration(MailerKey.POOL_IDLE_TIMEOUT).ifPresent(b::idleTimeout);
        values.duration(MailerKey.POOL_MAX_LIFETIME).ifPresent(b::maxLifetime);
        values.integer(MailerKey.POOL_MAX_MESSAGES_PER_CONNECTION).ifPresent(b::maxMessagesPerConnection);
        values.duration(MailerKey.POOL_ACQUIRE_TIMEOUT).ifPresent(b::acquireTimeout);
        values.duration(MailerKey.POOL_VALIDATE_AFTER_IDLE).ifPresent(b::validateAfterIdle);
        try {
            return Optional.of(b.build());
        } catch (MailerConfigurationException e) {
            problems.fromAdapter(c, e);
            return Optional.empty();
        }
    }
}
