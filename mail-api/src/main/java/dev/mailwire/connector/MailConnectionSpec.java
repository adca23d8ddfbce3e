package dev.mailwire.connector;

import jakarta.resource.cci.ConnectionSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-request connection settings: the identity to authenticate as and, optionally, connection settings that
 * override the connection factory's own. This is how an application's MicroProfile Config reaches connections that
 * the application server's pool owns: the pool keeps connections with different specs apart (equals covers every
 * setting and the password), so a connection made for one identity or settings never serves another.
 *
 * <p>Setting keys are those of the Mailwire configuration reference without the {@code mailwire.mailer.} prefix:
 * {@code host}, {@code port}, {@code tls}, {@code trust-store}, {@code connect-timeout}, {@code session.mail.smtp.*}…
 * The password never appears in {@link #toString()}.
 */
public final class MailConnectionSpec implements ConnectionSpec {

    private final String username;
    private final char[] password;
    private final Map<String, String> settings;

    private MailConnectionSpec(Builder b) {
        this.username = b.username;
        this.password = b.password == null ? null : b.password.clone();
        this.settings = Map.copyOf(b.settings);
    }

    /** Authenticate as {@code username} with {@code password}, with the factory's other settings. */
    public static MailConnectionSpec of(String username, char[] password) {
        return builder().username(username).password(password).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The user to authenticate as, or null to keep the factory's. */
    public String username() {
        return username;
    }

    /** A copy of the password, or null to keep the factory's. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** Connection settings overriding the factory's, by key. */
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailConnectionSpec other
                && Objects.equals(username, other.username)
                && Arrays.equals(password, other.password)
                && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, settings);
    }

    @Override
    public String toString() {
        return "MailConnectionSpec[username=" + username + ", settings=" + settings.keySet() + "]";
    }

    /** Builds a {@link MailConnectionSpec}. */
    public static final class Builder {
        private String username;
        private char[] password;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {}

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(char[] password) {
            this.password = password == null ? null : password.clone();
            return this;
        }

        /** A connection setting by its key, for example {@code setting("host", "smtp.example.com")}. */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public MailConnectionSpec build() {
            return new MailConnectionSpec(this);
        }
    }
}
