package dev.mailwire.test.smtp.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a text holds a secret, and which kind, without ever returning the secret: the registered secrets in
 * each of their {@link LeakForms}, any JWT (Keycloak's access and refresh tokens are JWTs; a token a test run wrote
 * down is a leak whatever its value), and an XOAUTH2 or OAUTHBEARER initial response in Base64 (it carries the access
 * token), found by decoding each Base64 run so that the user name in front of it does not matter. Thread-safe:
 * secrets may be added while other threads scan.
 */
public final class LeakFinder {

    /** Header and payload of a JWS: both are Base64url JSON objects, so both begin {@code eyJ} ("{\""). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.");

    /** A Base64 run long enough to hold a SASL response; shorter runs are words, not credentials. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{12,}={0,2}");

    /** A secret's form and the kind a finding names. */
    private record Form(String text, String kind) {}

    private final List<Form> forms = new CopyOnWriteArrayList<>();
    /** The secrets themselves, looked for inside decoded Base64 (AUTH PLAIN with a user the finder was not told). */
    private final List<Form> plain = new CopyOnWriteArrayList<>();

    /** Looks for {@code secret} in every {@link LeakForms#of(String) form}; a finding names it {@code kind}. */
    public LeakFinder secret(String kind, String secret) {
        List<String> of = LeakForms.of(secret);
        List<String> names = List.of(kind, kind + " (Base64)", kind + " (URL-encoded)");
        List<Form> add = new ArrayList<>();
        for (int i = 0; i < of.size(); i++) {
            add.add(new Form(of.get(i), names.get(Math.min(i, names.size() - 1))));
        }
        forms.addAll(add);
        plain.add(new Form(secret, kind));
        return this;
    }

    /** The kind of the first secret or token in {@code text}; empty when it holds none. */
    public Optional<String> find(String text) {
        for (Form f : forms) {
            if (text.contains(f.text())) {
                return Optional.of(f.kind());
            }
        }
        if (JWT.matcher(text).find()) {
            return Optional.of("JWT (access or refresh token)");
        }
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            Optional<String> inside = decoded(m.group());
            if (inside.isPresent()) {
                return inside;
            }
        }
        return Optional.empty();
    }

    /** What a Base64 run carries: a SASL OAuth2 initial response, or a registered secret (AUTH PLAIN, LOGIN). */
    private Optional<String> decoded(String run) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(unpadded(run));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        // RFC 7628 §3.1: OAUTHBEARER's GS2 header "n,a=user," or "n,,"; XOAUTH2 (Google): "user=...^Aauth=Bearer ".
        if (text.startsWith("user=") || text.startsWith("n,a=") || text.startsWith("n,,")) {
            return Optional.of("XOAUTH2/OAUTHBEARER initial response (Base64)");
        }
        if (text.contains("auth=Bearer ")) {
            return Optional.of("OAuth2 bearer response (Base64)");
        }
        for (Form f : plain) {
            if (text.contains(f.text())) {
                return Optional.of(f.kind() + " (inside Base64)");
            }
        }
        return Optional.empty();
    }

    /**
     * The JDK's decoder takes Base64 without padding, but not a length of 4n+1, which a run cut out of a longer word
     * can have: its last character carries no whole byte and is dropped.
     */
    private static String unpadded(String run) {
        String bare = run.replace("=", "");
        return bare.length() % 4 == 1 ? bare.substring(0, bare.length() - 1) : bare;
    }
}
