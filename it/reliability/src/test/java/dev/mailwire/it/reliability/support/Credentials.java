package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.secrets.LeakForms;
import java.util.List;

/**
 * The credentials every mailer of the suite uses, and every form in which they could leak ({@link LeakForms}: as
 * typed, URL-encoded, and Base64 as an AUTH PLAIN or AUTH LOGIN exchange carries them). Distinctive, so a match is never a coincidence.
 */
public final class Credentials {

    public static final String USER = "reliability";
    public static final String PASSWORD = "Rlb-7f3c9-pass";

    private Credentials() {}

    /** A password per node generation (kill test): the server tells from the login which JVM sent a copy. */
    public static String password(String user) {
        return user.equals(USER) ? PASSWORD : "Rlb-" + user + "-pass";
    }

    /** The forms of {@code password} (for {@code user}) that must never appear in a log, exception or health text. */
    public static List<String> leakForms(String user, String password) {
        return LeakForms.of(user, password);
    }
}
