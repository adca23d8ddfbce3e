package dev.mailwire.cdi.portable;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The least a MicroProfile Config implementation does: properties, plus environment variables found by the three
 * lookups of the specification (the exact name; every non-alphanumeric character as {@code _}; that in upper case).
 * Converts to String only, so any use of another converter by Mailwire fails loudly.
 */
final class MinimalConfig implements Config {

    private final Map<String, String> properties;
    private final Map<String, String> environment;

    MinimalConfig(Map<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new IllegalArgumentException("MinimalConfig converts to String only, not " + type);
        }
        String value = properties.get(name);
        if (value == null) {
            value = env(name);
        }
        // The specification: an empty value counts as missing.
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(type.cast(value));
    }

    private String env(String name) {
        String value = environment.get(name);
        String sanitized = name.replaceAll("[^a-zA-Z0-9]", "_");
        if (value == null) {
            value = environment.get(sanitized);
        }
        return value != null ? value : environment.get(sanitized.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException("not needed by Mailwire");
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new LinkedHashSet<>(properties.keySet());
        names.addAll(environment.keySet());
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return Set.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException("MinimalConfig unwraps to nothing");
    }
}
