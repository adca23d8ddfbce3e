package dev.mailwire.test.smtp.oauth;

import dev.mailwire.test.smtp.postfix.PostfixInstallation;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfixBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A real OAuth2 path for SMTP, for tests: Keycloak issues tokens; a private Postfix (STARTTLS required) takes AUTH
 * XOAUTH2 and OAUTHBEARER and asks a private Dovecot, whose {@code oauth2} passdb introspects each token at Keycloak.
 * Started once per test JVM by {@link #shared()} and stopped when the JVM exits.
 *
 * <p>Realm {@code mail}: client {@value Realms#CLIENT} (client credentials and password grant, tokens live
 * {@value #LONG_LIFESPAN_SECONDS} s), client {@value Realms#SHORT_CLIENT} (tokens live
 * {@value #SHORT_LIFESPAN_SECONDS} s), user {@value Realms#USER}; refresh tokens rotate and a used one is revoked.
 * Realm {@code other}: a client of the same id whose tokens Dovecot must refuse.
 */
public final class OAuthStack implements AutoCloseable {

    public static final int LONG_LIFESPAN_SECONDS = 300;
    /**
     * The expiry tests wait a few lifespans each (about 3 lifespans for the longest): every second here costs about
     * 8 s of build. 5 s still leaves a fresh connection at least 2.5 s (half a life, the refresh margin's cap) from
     * its token fetch to its AUTH; 8 s made the expiry tests wait 24 + 24 + 10 + 9 s.
     */
    public static final int SHORT_LIFESPAN_SECONDS = 5;
    /** {@link #clientId()} and {@link #clientSecret()}, for configuration written before the stack starts. */
    public static final String CLIENT_ID = Realms.CLIENT;

    public static final String CLIENT_SECRET = Realms.CLIENT_SECRET;
    /** Bounds Keycloak's start: a first-ever one (Quarkus build, schema, import) took 35 s on an idle machine and
     * over 150 s on a busy one. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private static OAuthStack shared;

    private final KeycloakServer keycloak;
    private final PrivateDovecot dovecot;
    private final PrivatePostfix postfix;
    private final ClientKeyStore jwtKeys;
    private final Duration startTime;

    private OAuthStack(
            KeycloakServer keycloak,
            PrivateDovecot dovecot,
            PrivatePostfix postfix,
            ClientKeyStore jwtKeys,
            Duration startTime) {
        this.keycloak = keycloak;
        this.dovecot = dovecot;
        this.postfix = postfix;
        this.jwtKeys = jwtKeys;
        this.startTime = startTime;
    }

    /** The stack of this JVM, started at the first call; stopped by a shutdown hook. */
    public static synchronized OAuthStack shared() {
        if (shared == null) {
            // The build points every module at one directory, so Keycloak is unpacked and built once per checkout.
            shared = start(Path.of(System.getProperty("mailwire.oauth-stack.dir", "target/oauth-stack"))
                    .toAbsolutePath());
            OAuthStack s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "mailwire-oauth-stack-shutdown"));
        }
        return shared;
    }

    /** Starts Keycloak, and meanwhile Dovecot and Postfix; under {@code base} (kept between runs). */
    public static OAuthStack start(Path base) {
        return start(base, freePort(), PrivatePostfix.builder());
    }

    /**
     * {@link #start(Path)} with Keycloak on {@code keycloakPort} and Postfix as {@code postfixBase} sets it up (port,
     * certificates): for a client configured before the test starts, such as a server's connection definition.
     * The caller stops it ({@link #close()}).
     */
    public static OAuthStack start(Path base, int keycloakPort, PrivatePostfixBuilder postfixBase) {
        long t0 = System.nanoTime();
        PostfixInstallation.ensureInstalled();
        int port = keycloakPort;
        // Kept with the stack's files: the realm, and so its database template, stay the same between runs.
        ClientKeyStore jwtKeys =
                ClientKeyStore.reuseOrCreate(base.resolve("client-assertion/" + Realms.JWT_CLIENT + ".p12"));
        KeycloakServer keycloak = KeycloakServer.launch(
                base,
                port,
                List.of(
                        Realms.mailRealm(LONG_LIFESPAN_SECONDS, SHORT_LIFESPAN_SECONDS, jwtKeys.certificateBase64()),
                        Realms.otherRealm()));
        PrivateDovecot dovecot = null;
        PrivatePostfix postfix = null;
        try {
            dovecot = PrivateDovecot.start(
                    base.resolve("dc-" + port), keycloak.issuer("mail") + "/protocol/openid-connect/token/introspect");
            postfix = postfixBase
                    .set("smtpd_sasl_type", "dovecot")
                    .set("smtpd_sasl_path", dovecot.socket().toString())
                    .set("smtpd_sasl_security_options", "noanonymous")
                    .connectionLimit(100) // the tests open 50 connections at once
                    .start();
            keycloak.awaitReady(START_TIMEOUT);
            return new OAuthStack(keycloak, dovecot, postfix, jwtKeys, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            if (postfix != null) {
                postfix.close();
            }
            if (dovecot != null) {
                dovecot.close();
            }
            keycloak.close();
            throw e;
        }
    }

    /** The private Postfix: host, port, trust store, log, Maildir. */
    public PrivatePostfix postfix() {
        return postfix;
    }

    /** Issuer URL of a realm ({@code mail} or {@code other}). */
    public String issuer(String realm) {
        return keycloak.issuer(realm);
    }

    public String tokenEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    /**
     * The token endpoint of {@code realm} of a stack whose Keycloak will listen on {@code keycloakPort}
     * ({@link #start(Path, int, PrivatePostfixBuilder)}): for configuration written before the stack starts.
     */
    public static String tokenEndpoint(int keycloakPort, String realm) {
        return "http://127.0.0.1:" + keycloakPort + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    public String revocationEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/revoke";
    }

    /** A port on which nothing listens: a token endpoint that is down. */
    public static String deadEndpoint() {
        return "http://127.0.0.1:" + freePort() + "/token";
    }

    public String clientId() {
        return Realms.CLIENT;
    }

    public String clientSecret() {
        return Realms.CLIENT_SECRET;
    }

    public String shortClientId() {
        return Realms.SHORT_CLIENT;
    }

    public String shortClientSecret() {
        return Realms.SHORT_CLIENT_SECRET;
    }

    public String otherRealmSecret() {
        return Realms.OTHER_SECRET;
    }

    /** A client of realm {@code mail} that authenticates with a client assertion (private_key_jwt). */
    public String jwtClientId() {
        return Realms.JWT_CLIENT;
    }

    /** The key store whose certificate Keycloak has for {@link #jwtClientId()}; password {@link ClientKeyStore#PASSWORD}. */
    public ClientKeyStore jwtClientKeys() {
        return jwtKeys;
    }

    /** The SMTP user name of a client's service account, as Dovecot compares it with the token's. */
    public static String serviceAccount(String clientId) {
        return "service-account-" + clientId;
    }

    public String user() {
        return Realms.USER;
    }

    public String userPassword() {
        return Realms.USER_PASSWORD;
    }

    /** Every secret the stack knows, for tests that scan logs and messages for them. */
    public Set<String> configuredSecrets() {
        return Set.of(
                Realms.CLIENT_SECRET,
                Realms.SHORT_CLIENT_SECRET,
                Realms.OTHER_SECRET,
                Realms.USER_PASSWORD,
                ClientKeyStore.PASSWORD);
    }

    /** Tokens Keycloak issued to {@code clientId} by the client-credentials grant since it started. */
    public long clientCredentialTokens(String clientId) {
        return keycloak.events("CLIENT_LOGIN", clientId);
    }

    /** Tokens Keycloak issued to {@code clientId} by the refresh-token grant since it started. */
    public long refreshedTokens(String clientId) {
        return keycloak.events("REFRESH_TOKEN", clientId);
    }

    /** Events of {@code type} (LOGIN, REFRESH_TOKEN_ERROR…) Keycloak logged for {@code clientId} since it started. */
    public long events(String type, String clientId) {
        return keycloak.events(type, clientId);
    }

    /**
     * A user refresh token for {@value Realms#USER}, from the password grant of {@code clientId} (a test's way to
     * get what a consent flow would give an application).
     */
    public String userRefreshToken(String clientId, String secret) {
        return TokenRequests.refreshToken(tokenEndpoint("mail"), clientId, secret, Realms.USER, Realms.USER_PASSWORD);
    }

    /** Revokes a refresh token at the issuer (RFC 7009), as a user or an administrator would. */
    public void revoke(String clientId, String secret, String refreshToken) {
        TokenRequests.revoke(revocationEndpoint("mail"), clientId, secret, refreshToken);
    }

    /**
     * Whether Keycloak still takes {@code accessToken} (introspection as Dovecot does it): for a fake server that
     * re-checks a session's token at each mail, which Dovecot and Postfix do only at AUTH.
     */
    public boolean tokenActive(String accessToken) {
        return TokenRequests.active(
                issuer("mail") + "/protocol/openid-connect/token/introspect",
                Realms.DOVECOT_CLIENT,
                Realms.DOVECOT_SECRET,
                accessToken);
    }

    public Path keycloakLog() {
        return keycloak.log();
    }

    public Path dovecotLog() {
        return dovecot.log();
    }

    /** How long {@link #start} took. */
    public Duration startTime() {
        return startTime;
    }

    @Override
    public synchronized void close() {
        postfix.close();
        dovecot.close();
        keycloak.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
