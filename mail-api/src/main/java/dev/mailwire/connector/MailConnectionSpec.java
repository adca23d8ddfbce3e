package dev.mailwire.connector;

import jakarta.resource.cci.ConnectionSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per-request connection properties: the identity to authenticate as, overriding the connection factory's own.
 * Two specs are equal when user name and password are equal; the password never appears in {@link #toString()}.
 */
public final class MailConnectionSpec implements ConnectionSpec {

    private final String username;
    private final char[] password;

    private MailConnectionSpec(String username, char[] password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = password == null ? new char[0] : password.clone();
    }

    /** Authenticate as {@code username} with {@code password}. */
    public static MailConnectionSpec of(String username, char[] password) {
        return new MailConnectionSpec(username, password);
    }

    public String username() {
        return username;
    }

    /** A copy of the password. */
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailConnectionSpec other
                && username.equals(other.username)
                && Arrays.equals(password, other.password);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "MailConnectionSpec[username=" + username + "]";
    }
}
