package dev.mailwire.cdi.internal.config;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.settings.ConnectionSetting;
import java.util.Arrays;
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
        for (ConnectionSetting setting : ConnectionSetting.values()) {
            if (setting.isConfigKey()) {
                value(c, values, setting).ifPresent(v -> f.setValue(setting, v));
            }
        }
        f.setTokenSupplier(tokens);
        return f;
    }

    /**
     * The value of a connection key as the factory takes it; bad numbers and booleans go to the problems. Only the
     * types the factory does not take as text are parsed here; the factory checks the rest.
     */
    private static Optional<?> value(MailerConfig c, Values values, ConnectionSetting setting) {
        MailerKey key = key(setting);
        return switch (setting.kind()) {
            case INTEGER -> values.integer(key);
            case BOOLEAN -> values.bool(key);
            case MAP -> {
                Map<String, String> entries = c.entries(key);
                yield entries.isEmpty()
                        ? Optional.empty()
                        : Optional.of(entries.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(";")));
            }
            default -> c.get(key);
        };
    }

    /** The MicroProfile Config key of a connection setting ({@code ConnectionSettingsAgreeEverywhereTest}). */
    private static MailerKey key(ConnectionSetting setting) {
        return Arrays.stream(MailerKey.values())
                .filter(k -> k.key().equals(setting.key()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no MailerKey for " + setting.key()));
    }

    /**
     * The connection keys that travel with each request to a server's connection factory as settings (not the pool
     * keys, not the identity, not {@code session.*}).
     */
    static final List<MailerKey> REQUEST_KEYS =
            ConnectionSetting.overridable().stream().map(AdapterSettings::key).toList();

    /**
     * The adapter's OAuth2 client keys. They do not travel with a request: a server's pool outlives any one request,
     * and its token cache is per connection definition, so in a server they belong on the connection definition.
     */
    static final List<MailerKey> OAUTH2_KEYS = Arrays.stream(ConnectionSetting.values())
            .filter(setting -> setting.key().startsWith("oauth2."))
            .map(AdapterSettings::key)
            .toList();

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
