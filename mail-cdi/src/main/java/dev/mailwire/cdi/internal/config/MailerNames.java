package dev.mailwire.cdi.internal.config;

import dev.mailwire.Mailer;
import dev.mailwire.cdi.MailerKey;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a mailer may be called, so that {@code mailwire.mailer.<name>.<key>} parses one way only. */
public final class MailerNames {

    /**
     * The first segments of the dotted keys: a mailer called {@code pool} would make
     * {@code mailwire.mailer.pool.max-size} mean two things.
     */
    static final Set<String> RESERVED = Arrays.stream(MailerKey.values())
            .map(MailerKey::key)
            .filter(k -> k.contains("."))
            .map(k -> k.substring(0, k.indexOf('.')))
            .collect(Collectors.toUnmodifiableSet());

    private MailerNames() {}

    public static boolean isDefault(String name) {
        return name == null || Mailer.DEFAULT_NAME.equals(name);
    }

    /** Why {@code name} cannot name a mailer, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (isDefault(name)) {
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.of("it is blank");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("it is reserved, since " + MailerKey.PREFIX + name + ".* holds the default mailer's "
                    + name + ".* keys");
        }
        if (!name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            return Optional.of("only letters, digits, '-' and '_' are allowed (a dot would make its keys ambiguous)");
        }
        return Optional.empty();
    }
}
