package dev.mailwire.cdi.internal.config;

import dev.mailwire.cdi.MailerKey;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns raw values into types, reporting a bad one as a problem that names the full key and the expected form. Only
 * what the resource adapter does not parse itself is parsed here (one owner per concern).
 */
public final class Values {

    private final MailerConfig config;
    private final Problems problems;

    public Values(MailerConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    public Optional<Integer> integer(MailerKey key) {
        return config.get(key).flatMap(v -> {
            try {
                return Optional.of(Integer.valueOf(v));
            } catch (NumberFormatException e) {
                return bad(key, v, "a whole number");
            }
        });
    }

    /** An integer of at least {@code min}. */
    public Optional<Integer> integer(MailerKey key, int min) {
        return integer(key)
                .filter(n ->
                        n >= min || bad(key, n.toString(), "at least " + min).isPresent());
    }

    /** A long of at least {@code min}. */
    public Optional<Long> longValue(MailerKey key, long min) {
        return longValue(key)
                .filter(n ->
                        n >= min || bad(key, n.toString(), "at least " + min).isPresent());
    }

    public Optional<Long> longValue(MailerKey key) {
        return config.get(key).flatMap(v -> {
            try {
                return Optional.of(Long.valueOf(v));
            } catch (NumberFormatException e) {
                return bad(key, v, "a whole number");
            }
        });
    }

    /** Strictly {@code true} or {@code false}: a typo such as {@code ture} must not silently mean false. */
    public Optional<Boolean> bool(MailerKey key) {
        return config.get(key).flatMap(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> bad(key, v, "true or false");
        });
    }

    /** ISO-8601, read with {@link Duration#parse}: no converter of a particular Config implementation is needed. */
    public Optional<Duration> duration(MailerKey key) {
        return config.get(key).flatMap(v -> {
            try {
                return Optional.of(Duration.parse(v));
            } catch (DateTimeParseException e) {
                return bad(key, v, "an ISO-8601 duration such as PT10S");
            }
        });
    }

    /** One of {@code allowed}, ignoring case, returned in lower case. */
    Optional<String> choice(MailerKey key, String... allowed) {
        return config.get(key).flatMap(v -> {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(v)) {
                    return Optional.of(a);
                }
            }
            return bad(key, v, String.join(" or ", allowed));
        });
    }

    /** Reports the value as a problem; always empty, so a caller can filter with it. */
    public <T> Optional<T> bad(MailerKey key, String value, String expected) {
        problems.invalid(config.property(key), key.type() == MailerKey.Type.SECRET ? "***" : value, expected);
        return Optional.empty();
    }
}
