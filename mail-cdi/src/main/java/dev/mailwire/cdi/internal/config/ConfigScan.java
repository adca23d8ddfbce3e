package dev.mailwire.cdi.internal.config;

import dev.mailwire.Mailer;
import dev.mailwire.cdi.MailerKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sorts the property names of a Config into mailers and their keys, and finds the names under
 * {@code mailwire.mailer.} that are no key at all (likely typos). Both the dotted form and the environment-variable
 * form ({@code MAILWIRE_MAILER_BILLING_POOL_MAX_SIZE}) are understood; the latter is lossy, so a name recovered from
 * it is matched to a known mailer name with the same upper-case form, and map keys ({@code session.*}) come back in
 * lower case.
 *
 * @param keysByMailer for each mailer found, the keys below its prefix ({@code port}, {@code session.mail.smtp.x})
 * @param unknown property names under the prefix that are no key, each with the closest known one if any
 */
public record ConfigScan(Map<String, Set<String>> keysByMailer, List<UnknownKey> unknown) {

    /** A property name that is no key, and the closest known property name. */
    public record UnknownKey(String property, Optional<String> suggestion) {}

    private static final String ENV_PREFIX = env(MailerKey.PREFIX);

    /** Scans {@code propertyNames}; {@code knownNames} (from injection points) help recover names from env form. */
    public static ConfigScan scan(Iterable<String> propertyNames, Set<String> knownNames) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        List<String> dottedUnknown = new ArrayList<>();
        List<String> envNames = new ArrayList<>();
        for (String property : propertyNames) {
            if (property.startsWith(MailerKey.PREFIX)) {
                String rest = property.substring(MailerKey.PREFIX.length());
                if (!addDotted(keys, rest)) {
                    dottedUnknown.add(property);
                }
            } else if (!property.contains(".")
                    && property.toUpperCase(Locale.ROOT).startsWith(ENV_PREFIX)) {
                envNames.add(property);
            }
        }
        Set<String> names = new TreeSet<>(knownNames);
        names.addAll(keys.keySet());
        List<UnknownKey> unknown = new ArrayList<>();
        for (String property : envNames) {
            if (!addEnv(keys, names, property.toUpperCase(Locale.ROOT).substring(ENV_PREFIX.length()))) {
                unknown.add(new UnknownKey(property, closest(property.toUpperCase(Locale.ROOT), envCandidates(names))));
            }
        }
        Set<String> envForms = new TreeSet<>();
        envNames.forEach(n -> envForms.add(n.toUpperCase(Locale.ROOT)));
        for (String property : dottedUnknown) {
            // Some implementations (SmallRye) also list an environment variable under a dotted name they guess
            // (MAILWIRE_MAILER_POOL_MAX_SIZE as mailwire.mailer.pool.max.size): the variable itself is judged.
            if (!envForms.contains(env(property))) {
                unknown.add(new UnknownKey(property, closest(property, candidates(names))));
            }
        }
        return new ConfigScan(keys, unknown);
    }

    /** Whether {@code name} has at least one key set. */
    boolean isConfigured(String name) {
        return keysByMailer.containsKey(MailerNames.isDefault(name) ? Mailer.DEFAULT_NAME : name);
    }

    public Set<String> keys(String name) {
        return keysByMailer.getOrDefault(name, Set.of());
    }

    private static boolean addDotted(Map<String, Set<String>> keys, String rest) {
        if (MailerKey.find(rest).isPresent()) {
            add(keys, Mailer.DEFAULT_NAME, rest);
            return true;
        }
        int dot = rest.indexOf('.');
        if (dot > 0) {
            String name = rest.substring(0, dot);
            String key = rest.substring(dot + 1);
            if (MailerNames.problem(name).isEmpty() && MailerKey.find(key).isPresent()) {
                add(keys, name, key);
                return true;
            }
        }
        return false;
    }

    private static boolean addEnv(Map<String, Set<String>> keys, Set<String> names, String rest) {
        Optional<String> key = envKey(rest);
        if (key.isPresent()) {
            add(keys, Mailer.DEFAULT_NAME, key.get());
            return true;
        }
        // NAME_KEY: the longest key that ends the name wins (TRUST_STORE_PASSWORD, not PASSWORD).
        for (int i = 1; i < rest.length() - 1; i++) {
            if (rest.charAt(i) == '_' && (key = envKey(rest.substring(i + 1))).isPresent()) {
                String envName = rest.substring(0, i);
                String name = names.stream()
                        .filter(n -> env(n).equals(envName))
                        .findFirst()
                        .orElse(envName.toLowerCase(Locale.ROOT));
                if (MailerNames.problem(name).isEmpty()) {
                    add(keys, name, key.get());
                    names.add(name);
                    return true;
                }
            }
        }
        return false;
    }

    /** The key whose env form is {@code rest}; map keys decode their sub-key ({@code MAIL_SMTP_X} → {@code mail.smtp.x}). */
    private static Optional<String> envKey(String rest) {
        for (MailerKey k : MailerKey.values()) {
            String envKey = env(k.isMap() ? k.mapPrefix() : k.key());
            if (k.isMap() && rest.startsWith(envKey) && rest.length() > envKey.length()) {
                return Optional.of(k.mapPrefix()
                        + rest.substring(envKey.length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'));
            }
            if (!k.isMap() && rest.equals(envKey)) {
                return Optional.of(k.key());
            }
        }
        return Optional.empty();
    }

    private static void add(Map<String, Set<String>> keys, String name, String key) {
        keys.computeIfAbsent(name, n -> new TreeSet<>()).add(key);
    }

    /** The environment-variable form of a property name, as MicroProfile Config maps it. */
    static String env(String property) {
        StringBuilder b = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }

    private static List<String> candidates(Set<String> names) {
        List<String> all = new ArrayList<>();
        for (String name : concat(names)) {
            Arrays.stream(MailerKey.values()).filter(k -> !k.isMap()).forEach(k -> all.add(k.propertyName(name)));
        }
        return all;
    }

    private static List<String> envCandidates(Set<String> names) {
        return candidates(names).stream().map(ConfigScan::env).toList();
    }

    private static Set<String> concat(Set<String> names) {
        Set<String> all = new TreeSet<>(names);
        all.add(Mailer.DEFAULT_NAME);
        return all;
    }

    /** The candidate nearest to {@code property} by edit distance, if near enough to be a typo of it. */
    static Optional<String> closest(String property, List<String> candidates) {
        return candidates.stream()
                .map(c -> Map.entry(c, EditDistance.of(property, c)))
                .filter(e -> e.getValue() <= Math.max(2, e.getKey().length() / 8))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }
}
