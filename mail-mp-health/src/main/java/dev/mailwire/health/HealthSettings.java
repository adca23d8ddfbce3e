package dev.mailwire.health;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.Config;

/**
 * The health settings, read once through the plain MicroProfile Config API (durations parsed here: Duration is not
 * among the converters every implementation has).
 *
 * @param interval {@link HealthKey#INTERVAL}
 * @param timeout {@link HealthKey#TIMEOUT}
 * @param window {@link HealthKey#WINDOW}
 * @param maxBacklog {@link HealthKey#OUTBOX_MAX_BACKLOG}, empty when unset
 * @param maxAge {@link HealthKey#OUTBOX_MAX_AGE}, empty when unset
 */
record HealthSettings(
        Duration interval, Duration timeout, Duration window, OptionalLong maxBacklog, Optional<Duration> maxAge) {

    /** The settings, and each problem found (a bad value, an unknown name under {@link HealthKey#PREFIX}). */
    record Read(HealthSettings settings, List<String> problems) {}

    static Read read(Config config) {
        List<String> problems = new ArrayList<>();
        HealthSettings s = new HealthSettings(
                duration(config, HealthKey.INTERVAL, problems).orElseThrow(),
                duration(config, HealthKey.TIMEOUT, problems).orElseThrow(),
                duration(config, HealthKey.WINDOW, problems).orElseThrow(),
                count(config, problems),
                duration(config, HealthKey.OUTBOX_MAX_AGE, problems));
        List<String> known =
                Arrays.stream(HealthKey.values()).map(HealthKey::propertyName).toList();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(HealthKey.PREFIX) && !known.contains(name)) {
                problems.add(HealthMessages.UNKNOWN_KEY.format(name, String.join(", ", known)));
            }
        }
        return new Read(s, problems);
    }

    /** The value, else the default; a bad value is a problem and the default stands in. */
    private static Optional<Duration> duration(Config config, HealthKey key, List<String> problems) {
        Optional<String> raw = value(config, key).or(key::defaultValue);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(raw.get());
            if (!d.isNegative() && !d.isZero()) {
                return Optional.of(d);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(HealthMessages.BAD_VALUE.format(
                key.propertyName(), raw.get(), "a positive ISO-8601 duration such as PT30S"));
        return key.defaultValue().map(Duration::parse);
    }

    private static OptionalLong count(Config config, List<String> problems) {
        HealthKey key = HealthKey.OUTBOX_MAX_BACKLOG;
        Optional<String> raw = value(config, key);
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(raw.get());
            if (n >= 0) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(HealthMessages.BAD_VALUE.format(key.propertyName(), raw.get(), "a whole number, 0 or more"));
        return OptionalLong.empty();
    }

    private static Optional<String> value(Config config, HealthKey key) {
        return config.getOptionalValue(key.propertyName(), String.class)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }
}
