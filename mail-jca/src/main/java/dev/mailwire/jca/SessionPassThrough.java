package dev.mailwire.jca;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code session.*} settings: extra {@code mail.smtp.*} properties passed to Angus as they are. Mailwire owns
 * every property that decides TLS, AUTH, timeouts, sockets and result reporting, so those are refused here with the
 * Mailwire setting to use instead: no pass-through may weaken TLS or remove a timeout silently.
 */
final class SessionPassThrough {

    /** Exact keys that Mailwire sets itself. */
    private static final Set<String> OWNED = Set.of(
            "mail.smtp.host",
            "mail.smtp.port",
            "mail.smtp.user",
            "mail.smtp.auth",
            "mail.smtp.connectiontimeout",
            "mail.smtp.timeout",
            "mail.smtp.writetimeout",
            "mail.smtp.sendpartial",
            "mail.smtp.reportsuccess",
            "mail.smtp.quitwait",
            "mail.smtp.class",
            "mail.smtp.ehlo",
            "mail.smtp.userset",
            "mail.smtp.noop.strict");

    /** Key prefixes that Mailwire sets itself. */
    private static final Set<String> OWNED_PREFIXES = Set.of(
            "mail.smtp.ssl.",
            "mail.smtp.starttls.",
            "mail.smtp.socketFactory",
            "mail.smtp.auth.",
            "mail.smtp.sasl.",
            "mail.smtp.executor.",
            "mail.smtp.proxy.",
            "mail.smtp.socks.");

    private SessionPassThrough() {}

    /** Parses {@code key=value;key=value}; throws naming {@code session.<key>} for a refused or malformed entry. */
    static Map<String, String> parse(String mailer, String spec) {
        Map<String, String> result = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return Map.of();
        }
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw ConfigErrors.invalid(mailer, "session", entry.trim(), "entries of the form mail.smtp.key=value");
            }
            String key = entry.substring(0, eq).trim();
            check(mailer, key);
            result.put(key, entry.substring(eq + 1).trim());
        }
        return Map.copyOf(result);
    }

    private static void check(String mailer, String key) {
        String setting = "session." + key;
        if (!key.startsWith("mail.smtp.")) {
            throw ConfigErrors.refused(mailer, setting, "only mail.smtp.* properties can be passed through.");
        }
        boolean owned = OWNED.contains(key) || OWNED_PREFIXES.stream().anyMatch(key::startsWith);
        if (owned) {
            throw ConfigErrors.refused(
                    mailer,
                    setting,
                    "Mailwire sets " + key + " itself (TLS, AUTH, timeouts and sockets are not passed"
                            + " through); use the Mailwire settings tls, trust-store, username, auth-mechanisms,"
                            + " connect-timeout, read-timeout or send-timeout instead.");
        }
    }
}
