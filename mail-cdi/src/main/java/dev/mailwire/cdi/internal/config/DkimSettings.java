package dev.mailwire.cdi.internal.config;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.dkim.DkimKey;
import dev.mailwire.cdi.internal.dkim.DkimSigner;
import dev.mailwire.cdi.internal.dkim.PrivateKeys;
import java.net.IDN;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Reads a mailer's DKIM keys ({@code dkim.<label>.<field>}) and loads them, so a missing file, a key in the wrong
 * format or one too short fails the deployment naming the setting, never the first send.
 */
public final class DkimSettings {

    /** The fields of one key; see {@link MailerKey#DKIM}. */
    static final Set<String> FIELDS = Set.of(
            "domain",
            "selector",
            "private-key",
            "key-store",
            "key-store-type",
            "key-store-password",
            "key-alias",
            "key-password");

    private DkimSettings() {}

    /** The signer, or empty when no key is configured; each problem goes to {@code problems} (property, message). */
    static Optional<DkimSigner> read(MailerConfig c, BiConsumer<String, String> problems) {
        Map<String, Map<String, String>> byLabel = new TreeMap<>();
        c.entries(MailerKey.DKIM).forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            String field = dot < 0 ? key : key.substring(dot + 1);
            if (dot <= 0 || !FIELDS.contains(field)) {
                problems.accept(
                        c.property("dkim." + key),
                        Messages.DKIM_KEY.format(
                                c.mailer(),
                                c.property("dkim." + key),
                                "the form is dkim.<label>." + "<field>, where <field> is one of "
                                        + String.join(
                                                ", ", FIELDS.stream().sorted().toList())));
                return;
            }
            byLabel.computeIfAbsent(key.substring(0, dot), l -> new TreeMap<>()).put(field, value);
        });
        List<DkimKey> keys = new ArrayList<>();
        byLabel.forEach((label, fields) -> key(c, label, fields, problems).ifPresent(keys::add));
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = c.get(MailerKey.DKIM_HEADERS)
                .map(v -> Arrays.asList(v.split("[,\\s]+")))
                .orElse(DkimSigner.DEFAULT_HEADERS);
        DkimSigner signer = new DkimSigner(keys, headers, Clock.systemUTC());
        checkDefaultFrom(c, signer, problems);
        return Optional.of(signer);
    }

    /** The mailer's own {@code from} must be signable: a key for it would otherwise be missed at the first send. */
    private static void checkDefaultFrom(MailerConfig c, DkimSigner signer, BiConsumer<String, String> problems) {
        Optional<String> from = c.get(MailerKey.FROM);
        int at = from.map(f -> f.lastIndexOf('@')).orElse(-1);
        if (at < 0) {
            return; // unset, or not an address: the renderer's check reports that
        }
        String domain = from.get().substring(at + 1).replaceAll("[>\\s]+$", "");
        String aLabels;
        try {
            aLabels = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return; // the renderer's check reports the address
        }
        if (signer.keysFor(aLabels).isEmpty()) {
            String signed = signer.keys().stream()
                    .map(DkimKey::domain)
                    .distinct()
                    .sorted()
                    .toList()
                    .toString();
            String property = c.property(MailerKey.FROM);
            problems.accept(
                    property, Messages.DKIM_NO_KEY_FOR_FROM.format(c.mailer(), property, from.get(), aLabels, signed));
        }
    }

    /** For the running mailer: the settings were checked at deployment, so a problem here is a changed file. */
    public static Optional<DkimSigner> load(MailerConfig c) {
        List<MailerConfigurationException> found = new ArrayList<>();
        Optional<DkimSigner> signer = read(
                c, (property, message) -> found.add(new MailerConfigurationException(c.mailer(), property, message)));
        if (!found.isEmpty()) {
            throw found.get(0);
        }
        return signer;
    }

    private static Optional<DkimKey> key(
            MailerConfig c, String label, Map<String, String> f, BiConsumer<String, String> problems) {
        String prefix = "dkim." + label + ".";
        String domain = f.get("domain");
        if (domain == null || domain.isBlank()) {
            return problem(c, prefix + "domain", "it is missing: name the signing domain (d=)", problems);
        }
        String aLabels;
        try {
            aLabels = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return problem(c, prefix + "domain", "'" + domain + "' is not a domain name", problems);
        }
        String selector = f.getOrDefault("selector", label).strip();
        if (!selector.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            return problem(
                    c,
                    prefix + "selector",
                    "'" + selector + "' is not a selector (letters, digits, '-', '.')",
                    problems);
        }
        boolean pem = f.containsKey("private-key");
        if (pem == f.containsKey("key-store")) {
            return problem(
                    c,
                    prefix + "private-key",
                    "set exactly one of " + c.property(prefix + "private-key") + " (a PKCS#8 PEM file) and "
                            + c.property(prefix + "key-store"),
                    problems);
        }
        String field = pem ? "private-key" : "key-store";
        try {
            PrivateKey key = pem
                    ? PrivateKeys.fromPem(Path.of(f.get("private-key").strip()))
                    : PrivateKeys.fromKeyStore(
                            Path.of(f.get("key-store").strip()),
                            f.getOrDefault("key-store-type", "PKCS12").strip(),
                            chars(f.get("key-store-password")),
                            f.getOrDefault("key-alias", label).strip(),
                            chars(f.get("key-password")));
            return Optional.of(new DkimKey(aLabels, selector, key));
        } catch (IllegalArgumentException e) {
            return problem(c, prefix + field, e.getMessage(), problems);
        }
    }

    private static char[] chars(String secret) {
        return secret == null ? null : secret.toCharArray();
    }

    private static Optional<DkimKey> problem(
            MailerConfig c, String key, String why, BiConsumer<String, String> problems) {
        problems.accept(c.property(key), Messages.DKIM_KEY.format(c.mailer(), c.property(key), why));
        return Optional.empty();
    }
}
