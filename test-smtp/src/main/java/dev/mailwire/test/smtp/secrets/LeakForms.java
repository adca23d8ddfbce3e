package dev.mailwire.test.smtp.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every form of a secret that must never appear in a log, an exception, a health body or a report: as typed, Base64
 * as an AUTH LOGIN exchange carries it, URL-encoded as a token request's form body carries a client secret, and, for a
 * known user, Base64 as AUTH PLAIN carries it. A text holding any of them leaked the secret.
 */
public final class LeakForms {

    private LeakForms() {}

    /** A secret whose user is unknown (a client secret, a refresh token): as typed, Base64, URL-encoded. */
    public static List<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        forms.add(base64(secret)); // AUTH LOGIN sends the password alone
        forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8)); // client_secret=... in a token request
        return List.copyOf(forms);
    }

    /** A password and its user: also the AUTH PLAIN forms (RFC 4616: authzid NUL authcid NUL password). */
    public static List<String> of(String user, String password) {
        List<String> forms = new ArrayList<>(of(password));
        forms.add(base64("\0" + user + "\0" + password));
        forms.add(base64(user + "\0" + user + "\0" + password));
        return forms;
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
