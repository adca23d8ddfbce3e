package dev.mailwire.cdi.internal.config;

import dev.mailwire.cdi.MailerKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The raw settings of one mailer, read once through the plain MicroProfile Config API: {@code getOptionalValue} with
 * the dotted name of every key, so that each implementation's own environment-variable mapping applies (Payara ships
 * its own Config, so nothing SmallRye-only). Kept as a snapshot: deployment checks and the running mailer see the
 * same values.
 */
public final class MailerConfig {

    private final String mailer;
    private final Map<String, String> values;

    private MailerConfig(String mailer, Map<String, String> values) {
        this.mailer = mailer;
        this.values = values;
    }

    /**
     * Reads every key of {@code mailer}; the sub-keys of {@code session.*} cannot be named in
     * advance, so they come from {@code mapKeys}, found by {@link ConfigScan} in the Config's property names.
     */
    public static MailerConfig read(Config config, String mailer, Set<String> mapKeys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (MailerKey k : MailerKey.values()) {
            if (!k.isMap()) {
                config.getOptionalValue(k.propertyName(mailer), String.class).ifPresent(v -> values.put(k.key(), v));
            }
        }
        String prefix = MailerKey.propertyPrefix(mailer);
        for (String key : mapKeys) {
            if (MailerKey.find(key).filter(MailerKey::isMap).isPresent()) {
                config.getOptionalValue(prefix + key, String.class).ifPresent(v -> values.put(key, v));
            }
        }
        return new MailerConfig(mailer, Map.copyOf(values));
    }

    /** A snapshot of the given values, keyed below the mailer's prefix; for tests. */
    static MailerConfig of(String mailer, Map<String, String> values) {
        return new MailerConfig(mailer, Map.copyOf(values));
    }

    public String mailer() {
        return mailer;
    }

    /** The raw value of {@code key}, trimmed; empty when unset or blank. */
    public Optional<String> get(MailerKey key) {
        return Optional.ofNullable(values.get(key.key())).map(String::trim).filter(v -> !v.isEmpty());
    }

    boolean isSet(MailerKey key) {
        return get(key).isPresent();
    }

    /** The entries of a map key, by sub-key: {@code session.*} gives {@code mail.smtp.x → value}. */
    public Map<String, String> entries(MailerKey mapKey) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(mapKey.mapPrefix())) {
                result.put(k.substring(mapKey.mapPrefix().length()), v.trim());
            }
        });
        return result;
    }

    /** Whether any key of this mailer is set. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The full property name of a key below this mailer's prefix: {@code mailwire.mailer.billing.port}. */
    public String property(String key) {
        return MailerKey.propertyPrefix(mailer) + key;
    }

    public String property(MailerKey key) {
        return key.propertyName(mailer);
    }

    @Override
    public String toString() {
        // Names only: values hold passwords.
        return "MailerConfig[" + mailer + ", keys=" + values.keySet() + "]";
    }
}
