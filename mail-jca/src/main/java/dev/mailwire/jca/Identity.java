package dev.mailwire.jca;

import dev.mailwire.jca.oauth.TokenSource;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who a connection is authenticated as. Connections are matched on it, so a connection authenticated as one user
 * is never handed to another. The secret is a password; or a bearer token, from an application's supplier asked
 * at each connect, or from the adapter's own {@link TokenSource}. An OAuth2 identity is the issuer's token endpoint,
 * the client and the user, plus the client's credentials (a rotated secret is a new identity, so connections of the
 * old one drain): never the token's value, which changes every hour while the identity does not.
 */
final class Identity {

    static final Identity ANONYMOUS = new Identity(null, null, null, null);

    private final String user;
    private final String password;
    private final Supplier<String> tokens;
    private final TokenSource source;

    private Identity(String user, String password, Supplier<String> tokens, TokenSource source) {
        this.user = user;
        this.password = password;
        this.tokens = tokens;
        this.source = source;
    }

    static Identity of(String user, String password, Supplier<String> tokens) {
        return user == null ? ANONYMOUS : new Identity(user, password, tokens, null);
    }

    /** {@code user} with tokens from the adapter's OAuth2 client. */
    static Identity oauth(String user, TokenSource source) {
        return new Identity(user, null, null, source);
    }

    String user() {
        return user;
    }

    /** The adapter's token source, or null when the secret is a password or an application's token. */
    TokenSource tokenSource() {
        return source;
    }

    /** The password, or a fresh token from the application's supplier; not for a {@link #tokenSource()} identity. */
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
                && tokens == other.tokens
                && (source == null
                        ? other.source == null
                        : other.source != null && source.config().equals(other.source.config()));
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
