package dev.mailwire.jca;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code session.*} settings: extra {@code mail.smtp.*} properties passed to Angus as they are. Mailwire owns
 * every property that decides TLS, AUTH, timeouts, sockets and result reporting, so those are refused here with the
 * Mailwire setting to use instead: no pass-through may weaken TLS or remove a timeout silently. Keys that change the
 * protocol under the retry rule ("resend only when no byte of content was accepted", {@link StagedSmtpTransport})
 * are refused too.
 *
 * <p>What Angus 2.0.5 reads besides, and why it may pass: {@code allow8bitmime} (encoding only),
 * {@code dsn.notify}, {@code dsn.ret}, {@code from}, {@code submitter}, {@code mailextension} (parameters of MAIL
 * and RCPT; checked for control characters like every value), {@code localhost}, {@code localaddress},
 * {@code localport} (this side of the connection), {@code quitonsessionreject} (QUIT after a refused greeting).
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
            "mail.smtp.noop.strict",
            "mail.smtp.usesocketchannels");

    /**
     * Keys that change the protocol in a way the retry rule does not see, with the reason. BDAT sends the content in
     * chunks that {@link StagedSmtpTransport} does not track: a connection dropped after the server took the last
     * chunk looked like "no content accepted" and the mail was sent twice.
     */
    private static final Map<String, JcaMessages> PROTOCOL =
            Map.of("mail.smtp.chunksize", JcaMessages.SESSION_CHUNKING);

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
            String value = entry.substring(eq + 1).trim();
            check(mailer, key);
            checkValue(mailer, key, value);
            result.put(key, value);
        }
        return Map.copyOf(result);
    }

    private static void check(String mailer, String key) {
        String setting = "session." + key;
        if (!key.startsWith("mail.smtp.")) {
            throw ConfigErrors.refused(JcaMessages.SESSION_NOT_SMTP, mailer, setting);
        }
        JcaMessages protocol = PROTOCOL.get(key);
        if (protocol != null) {
            throw ConfigErrors.refused(protocol, mailer, setting);
        }
        boolean owned = OWNED.contains(key) || OWNED_PREFIXES.stream().anyMatch(key::startsWith);
        if (owned) {
            throw ConfigErrors.refused(JcaMessages.SESSION_OWNED, mailer, setting, key);
        }
    }

    /** Several keys go into SMTP commands as they are (MAIL FROM parameters): a CR or LF would add a command. */
    private static void checkValue(String mailer, String key, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw ConfigErrors.refused(JcaMessages.SESSION_CONTROL_CHARACTER, mailer, "session." + key, (int) c);
            }
        }
    }
}
