package dev.mailwire.jca;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who a connection is authenticated as. Connections are matched on it, so a connection authenticated as one user
 * is never handed to another. The secret is a password, or for XOAUTH2 a supplier asked for a fresh token at each
 * connect.
 */
final class Identity {

    static final Identity ANONYMOUS = new Identity(null, null, null);

    private final String user;
    private final String password;
    private final Supplier<String> tokens;

    private Identity(String user, String password, Supplier<String> tokens) {
        this.user = user;
        this.password = password;
        this.tokens = tokens;
    }

    static Identity of(String user, String password, Supplier<String> tokens) {
        return user == null ? ANONYMOUS : new Identity(user, password, tokens);
    }

    String user() {
        return user;
    }

    /** The password, or a fresh XOAUTH2 token when a token supplier is set. */
    String secret() {
        if (user == null) {
            return null;
        }
        return tokens != null ? tokens.get() : password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identity other
                && Objects.equals(user, other.user)
                && Objects.equals(password, other.password)
                && tokens == other.tokens;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(user);
    }

    @Override
    public String toString() {
        return user == null ? "anonymous" : user; // never the secret
    }
}
