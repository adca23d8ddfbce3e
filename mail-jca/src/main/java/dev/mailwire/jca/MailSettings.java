package dev.mailwire.jca;

import static dev.mailwire.jca.settings.ConnectionSetting.AUTH_MECHANISMS;
import static dev.mailwire.jca.settings.ConnectionSetting.CONNECT_TIMEOUT;
import static dev.mailwire.jca.settings.ConnectionSetting.READ_TIMEOUT;
import static dev.mailwire.jca.settings.ConnectionSetting.SEND_TIMEOUT;
import static dev.mailwire.jca.settings.ConnectionSetting.TRUST_STORE_TYPE;

import dev.mailwire.jca.settings.ConnectionSetting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The connection settings of one mailer, parsed and checked once. Built from the managed connection factory's
 * JavaBean properties; every problem is reported with the DESIGN §3 key that names it.
 *
 * @param mailer the mailer's name, used in every message
 * @param host SMTP server host
 * @param port SMTP server port
 * @param tls how the connection is protected
 * @param trustStore trust anchors, or null for the JVM's default trust store
 * @param trustStorePassword password of the trust store, or null
 * @param trustStoreType the trust store's type ({@code PKCS12}, {@code JKS})
 * @param username AUTH user, or null for no AUTH
 * @param password AUTH password, or null (XOAUTH2 takes a token supplier instead)
 * @param authMechanisms the mechanisms Mailwire may use, in order of preference
 * @param allowPlaintextAuth whether AUTH may go over a connection without TLS
 * @param connectTimeout bound on the TCP connect
 * @param readTimeout bound on each read and each write
 * @param sendTimeout bound on one whole send, and on establishing a connection
 * @param sessionProperties validated pass-through {@code mail.smtp.*} properties
 * @param oauth2 the adapter's OAuth2 client settings, or null when it fetches no tokens
 * @param pipelining whether envelopes are pipelined where the server advertises PIPELINING
 */
record MailSettings(
        String mailer,
        String host,
        int port,
        TlsMode tls,
        Path trustStore,
        String trustStorePassword,
        String trustStoreType,
        String username,
        String password,
        List<String> authMechanisms,
        boolean allowPlaintextAuth,
        Duration connectTimeout,
        Duration readTimeout,
        Duration sendTimeout,
        Map<String, String> sessionProperties,
        dev.mailwire.jca.oauth.OAuth2Config oauth2,
        boolean pipelining) {

    static final String DEFAULT_MAILER = "<default>";
    static final List<String> SUPPORTED_MECHANISMS = List.of("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER");

    /** Parses and checks the properties of {@code f}; throws a MailerConfigurationException naming the key. */
    static MailSettings of(MailConnectionProperties f, java.util.function.Supplier<String> tokens) {
        String mailer = blankToNull(f.getMailerName()) == null ? DEFAULT_MAILER : f.getMailerName();
        String host = blankToNull(f.getHost());
        if (host == null) {
            throw ConfigErrors.missing(mailer, "host");
        }
        TlsMode tls = tlsMode(mailer, f.getTls());
        int port = f.getPort() == null ? tls.defaultPort() : f.getPort();
        if (port < 1 || port > 65535) {
            throw ConfigErrors.invalid(mailer, "port", String.valueOf(port), "a port number from 1 to 65535");
        }
        if (tls == TlsMode.NONE && !isLoopback(host)) {
            throw ConfigErrors.refused(JcaMessages.TLS_NONE_NOT_LOOPBACK, mailer, "tls", host);
        }
        String username = blankToNull(f.getUsername());
        dev.mailwire.jca.oauth.OAuth2Config oauth2 = OAuth2Settings.parse(mailer, f);
        List<String> mechanisms = mechanisms(mailer, f.getAuthMechanisms(), oauth2 != null);
        checkCredentials(mailer, f, tokens, oauth2 != null, tls, username, mechanisms);
        Path trustStore = trustStore(mailer, f.getTrustStore());
        return new MailSettings(
                mailer,
                host,
                port,
                tls,
                trustStore,
                f.getTrustStorePassword(),
                blankToNull(f.getTrustStoreType()) == null ? defaultOf(TRUST_STORE_TYPE) : f.getTrustStoreType(),
                username,
                f.getPassword(),
                mechanisms,
                Boolean.TRUE.equals(f.getAllowPlaintextAuth()),
                duration(mailer, CONNECT_TIMEOUT.key(), f.getConnectTimeout()),
                duration(mailer, READ_TIMEOUT.key(), f.getReadTimeout()),
                duration(mailer, SEND_TIMEOUT.key(), f.getSendTimeout()),
                SessionPassThrough.parse(mailer, f.getSessionProperties()),
                oauth2,
                !Boolean.FALSE.equals(f.getPipelining()));
    }

    boolean authenticates() {
        return username != null;
    }

    /** Whether AUTH is done with a bearer token (XOAUTH2 or OAUTHBEARER), by {@link OAuthLogin}. */
    boolean usesOAuth() {
        return OAuthLogin.MECHANISMS.containsAll(authMechanisms);
    }

    private static void checkCredentials(
            String mailer,
            MailConnectionProperties f,
            java.util.function.Supplier<String> tokens,
            boolean oauth2,
            TlsMode tls,
            String username,
            List<String> mechanisms) {
        if (username == null) {
            return;
        }
        boolean bearer = mechanisms.stream().anyMatch(OAuthLogin.MECHANISMS::contains);
        if (bearer && tls == TlsMode.NONE) {
            // allow-plaintext-auth does not reach this far: a bearer token is a password valid for anyone who has it.
            throw ConfigErrors.refused(JcaMessages.TOKEN_NEEDS_TLS, mailer, "tls");
        }
        if (tls == TlsMode.NONE && !Boolean.TRUE.equals(f.getAllowPlaintextAuth())) {
            throw ConfigErrors.refused(JcaMessages.PLAINTEXT_AUTH, mailer, "allow-plaintext-auth");
        }
        if (bearer && !OAuthLogin.MECHANISMS.containsAll(mechanisms)) {
            throw ConfigErrors.invalid(
                    mailer,
                    "auth-mechanisms",
                    String.join(" ", mechanisms),
                    "XOAUTH2 and/or OAUTHBEARER, or PLAIN and/or LOGIN, not both kinds");
        }
        if (oauth2 && !bearer) {
            throw ConfigErrors.invalid(
                    mailer,
                    "auth-mechanisms",
                    String.join(" ", mechanisms),
                    "XOAUTH2 and/or OAUTHBEARER when oauth2.token-endpoint is set");
        }
        if (bearer && !oauth2 && tokens == null && f.getPassword() == null) {
            throw ConfigErrors.missing(mailer, "oauth2.token-endpoint");
        }
        if (!bearer && f.getPassword() == null) {
            throw ConfigErrors.missing(mailer, "password");
        }
    }

    private static TlsMode tlsMode(String mailer, String value) {
        if (blankToNull(value) == null) {
            return TlsMode.valueOf(defaultOf(ConnectionSetting.TLS));
        }
        try {
            return TlsMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.invalid(mailer, "tls", value, "STARTTLS, IMPLICIT or NONE");
        }
    }

    private static List<String> mechanisms(String mailer, String value, boolean oauth2) {
        // With oauth2.* the password mechanisms cannot apply, so their default (the table's) gives way to the
        // bearer ones: the standard one first where the server offers both (Google); Microsoft 365 offers XOAUTH2.
        boolean unset = blankToNull(value) == null || value.trim().equalsIgnoreCase(defaultOf(AUTH_MECHANISMS));
        if (unset && oauth2) {
            return List.of("OAUTHBEARER", "XOAUTH2");
        }
        // Unset: PLAIN first, one round trip over TLS, where Angus's default order tries LOGIN (three) first.
        String given = blankToNull(value) == null ? defaultOf(AUTH_MECHANISMS) : value;
        List<String> list = Arrays.stream(given.trim().split("[\\s,]+"))
                .map(m -> m.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        for (String m : list) {
            if (!SUPPORTED_MECHANISMS.contains(m)) {
                throw ConfigErrors.invalid(
                        mailer, "auth-mechanisms", value, "one or more of PLAIN, LOGIN, XOAUTH2, OAUTHBEARER");
            }
        }
        return list;
    }

    private static Path trustStore(String mailer, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        Path path = Path.of(value);
        if (!Files.isReadable(path)) {
            throw ConfigErrors.invalid(mailer, "trust-store", value, "a readable key store file");
        }
        return path;
    }

    static Duration duration(String mailer, String key, String value) {
        if (value == null) {
            throw ConfigErrors.missing(mailer, key);
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative() && !d.isZero() && d.toMillis() <= Integer.MAX_VALUE) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw ConfigErrors.invalid(mailer, key, value, JcaMessages.EXPECTED_DURATION);
    }

    /** Whether {@code host} names this machine's loopback interface, without a DNS lookup for literals. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String defaultOf(ConnectionSetting setting) {
        return setting.defaultValue().orElseThrow();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        // Never the password: settings end up in logs and health output.
        return "MailSettings[mailer=" + mailer + ", " + host + ":" + port + ", tls=" + tls + ", user="
                + (username == null ? "-" : username) + "]";
    }
}
