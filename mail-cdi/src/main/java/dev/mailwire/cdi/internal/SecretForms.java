package dev.mailwire.cdi.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The texts a secret can turn into on its way to a log line: as it is, URL-encoded (a token endpoint's form body),
 * and Base64 inside whatever blob carries it. Base64 turns each 3 bytes into 4 characters, so a secret inside a blob
 * (AUTH PLAIN {@code authzid\0user\0password}, the XOAUTH2 {@code user=…\1auth=Bearer token\1\1}) shows up as one
 * of three renderings depending on its offset modulo 3; the whole groups each rendering shares with any blob are
 * masked. At most two bytes at each end of the secret stay, in partial groups: not enough to recover it.
 */
final class SecretForms {

    private SecretForms() {}

    /** One or two characters would mask half of every message; such a secret is no secret anyway. */
    static boolean worthMasking(String secret) {
        return secret != null && secret.length() >= 3;
    }

    /** Every form of {@code secret}; with the user name, also the whole AUTH and XOAUTH2 blobs that carry it. */
    static Set<String> of(String secret, String username) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        urlEncoded(secret, forms);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        forms.add(b64(bytes)); // AUTH LOGIN: user and password each Base64-encoded on a line of their own
        for (int skip = 0; skip < 3; skip++) {
            int whole = (bytes.length - skip) / 3 * 3;
            if (whole >= 3) {
                forms.add(b64(Arrays.copyOfRange(bytes, skip, skip + whole)));
            }
        }
        if (username != null) {
            forms.add(b64("\0" + username + "\0" + secret)); // AUTH PLAIN, RFC 4616
            forms.add(b64(username + "\0" + username + "\0" + secret)); // AUTH PLAIN as Angus sends it
            forms.add(b64("user=" + username + "\u0001auth=Bearer " + secret + "\u0001\u0001")); // XOAUTH2
        }
        return forms;
    }

    private static void urlEncoded(String secret, Set<String> forms) {
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8); // application/x-www-form-urlencoded
        String rfc3986 = form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        for (String s : new String[] {form, rfc3986}) {
            if (!s.equals(secret)) {
                forms.add(s);
                forms.add(lowerHex(s));
            }
        }
    }

    /** The same percent-encoding with lower-case hex digits, which RFC 3986 allows. */
    private static String lowerHex(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = s.indexOf('%'); i >= 0 && i + 2 < s.length(); i = s.indexOf('%', i + 1)) {
            b.replace(i + 1, i + 3, s.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
