package dev.mailwire.jca;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an application's {@link dev.mailwire.connector.MailConnectionSpec} may change in the operator's connection
 * definition (issue 11, finding 2). Two rules:
 *
 * <ol>
 *   <li>The operator's allow-list ({@code OverridableSettings}) says which keys a spec may set at all.
 *   <li>A spec that moves the connection to another server, or changes how it is protected, must authenticate with
 *       its own identity: otherwise the operator's (or the container's) credentials would go to a host, or over a
 *       transport, that the application chose. This rule has no switch.
 * </ol>
 */
final class RequestOverrides {

    /** The connection-definition property holding the allow-list, as the error messages name it. */
    static final String PROPERTY = ConnectionSetting.OVERRIDABLE_SETTINGS.key();

    /**
     * Keys that decide where the credentials go and how they are protected. In the pass-through nothing does:
     * {@link SessionPassThrough} refuses proxies, sockets and TLS keys outright.
     */
    static final List<String> DESTINATION_AND_SECURITY = Arrays.stream(ConnectionSetting.values())
            .filter(ConnectionSetting::guardsCredentials)
            .map(ConnectionSetting::key)
            .toList();

    /** Every key an allow-list may name, besides {@code session.*} and {@code session.mail.smtp.<key>}. */
    private static final Set<String> KNOWN = ConnectionSetting.overridable().stream()
            .map(ConnectionSetting::key)
            .collect(Collectors.toUnmodifiableSet());

    private RequestOverrides() {}

    /** Parses the allow-list: keys separated by commas or spaces; blank or {@code none} allows nothing. */
    static Set<String> allowList(String mailer, String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String raw : value.trim().split("[\\s,]+")) {
            String key = raw.toLowerCase(Locale.ROOT);
            boolean known = KNOWN.contains(key) || key.equals("session.*") || key.startsWith("session.mail.smtp.");
            if (!known) {
                throw ConfigErrors.invalid(
                        mailer,
                        PROPERTY,
                        raw,
                        "connection setting keys ("
                                + String.join(", ", KNOWN.stream().sorted().toList())
                                + ", session.* or session.mail.smtp.<key>), or none");
            }
            keys.add(key);
        }
        return java.util.Collections.unmodifiableSet(keys); // in the operator's order, for the messages
    }

    /** Refuses a spec setting the operator did not allow, and identity keys, which belong in the spec's identity. */
    static void checkAllowed(String mailer, String allowList, Map<String, String> overrides) {
        Set<String> allowed = allowList(mailer, allowList);
        for (String key : new java.util.TreeSet<>(overrides.keySet())) { // the same key named on every run
            boolean identity = ConnectionSetting.byKey(key)
                    .filter(k -> k.travel() == ConnectionSetting.Travel.IDENTITY)
                    .isPresent();
            if (identity) {
                throw ConfigErrors.refused(
                        mailer,
                        key,
                        "a connection spec carries its identity in its username and password, not as a setting.");
            }
            boolean ok = allowed.contains(key) || (key.startsWith("session.") && allowed.contains("session.*"));
            if (!ok) {
                throw ConfigErrors.refused(
                        mailer,
                        key,
                        "the connection definition does not let applications override it; the operator can add it"
                                + " to the connection definition's " + PROPERTY + " (now: "
                                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ").");
            }
        }
    }

    /**
     * The first key of {@link #DESTINATION_AND_SECURITY} whose value in {@code effective} differs from the
     * definition's, or null when the spec leaves where and how the connection goes as the operator set it.
     */
    static String redirection(MailConnectionProperties definition, MailConnectionProperties effective) {
        for (String key : DESTINATION_AND_SECURITY) {
            if (!Objects.equals(normalized(definition, key), normalized(effective, key))) {
                return key;
            }
        }
        return null;
    }

    /**
     * Refuses a connection whose spec changed {@code redirectedKey} while it would authenticate with an identity
     * that is not the spec's own (the factory's or the container's). Without any identity nothing secret is at
     * stake.
     */
    static void checkIdentity(String mailer, String redirectedKey, Identity identity, boolean ownIdentity) {
        if (redirectedKey != null && identity.user() != null && !ownIdentity) {
            throw ConfigErrors.refused(
                    mailer,
                    redirectedKey,
                    "a connection spec that changes " + String.join(", ", DESTINATION_AND_SECURITY)
                            + " must bring its own identity (username and password in the spec); the connection"
                            + " definition's credentials only ever go to its own server, as configured.");
        }
    }

    /** The value as it decides the connection: a case change or a spelled-out default is no change. */
    private static Object normalized(MailConnectionProperties p, String key) {
        ConnectionSetting setting = ConnectionSetting.byKey(key).orElseThrow();
        return switch (setting) {
            case PORT -> p.getPort() != null ? p.getPort() : defaultPort(p.getTls());
            case ALLOW_PLAINTEXT_AUTH -> Boolean.TRUE.equals(p.getAllowPlaintextAuth());
            case HOST, TLS, TRUST_STORE_TYPE -> lower((String) p.get(setting)); // names, whatever their case
            default -> p.get(setting);
        };
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
    }

    private static Integer defaultPort(String tls) {
        try {
            return TlsMode.valueOf(tls == null ? "STARTTLS" : tls.trim().toUpperCase(Locale.ROOT))
                    .defaultPort();
        } catch (IllegalArgumentException e) {
            return null; // an invalid tls is reported by MailSettings, naming the key
        }
    }
}
