package dev.mailwire.test.smtp.oauth;

/**
 * The realms Keycloak imports: {@code mail}, the issuer the Dovecot of the stack trusts, and {@code other}, a realm
 * with the same client id whose tokens Dovecot must refuse. Every client of {@code mail} that sends mail carries an
 * audience mapper for {@code dovecot}: Keycloak 26.7 answers {@code active:false} to an introspecting client that is
 * not in the token's audience.
 */
final class Realms {

    /** The client whose tokens live {@link OAuthStack#LONG_LIFESPAN_SECONDS}. */
    static final String CLIENT = "smtp-client";

    static final String CLIENT_SECRET = "smtp-client-secret";
    /** A client whose tokens live {@link OAuthStack#SHORT_LIFESPAN_SECONDS}: the expiry tests. */
    static final String SHORT_CLIENT = "smtp-short";

    static final String SHORT_CLIENT_SECRET = "smtp-short-secret";
    /** A client that authenticates with a client assertion (private_key_jwt) signed by {@link ClientKeyStore}. */
    static final String JWT_CLIENT = "smtp-jwt-client";

    static final String OTHER_SECRET = "other-secret";
    static final String DOVECOT_CLIENT = "dovecot";
    static final String DOVECOT_SECRET = "dovecot-secret";
    static final String USER = "alice";
    static final String USER_PASSWORD = "alice-password";

    private Realms() {}

    /**
     * The JSON of realm {@code mail}; {@code jwtCertificate} is the base64 DER certificate of {@link #JWT_CLIENT}.
     */
    static String mailRealm(int longLifespan, int shortLifespan, String jwtCertificate) {
        return """
                { "realm": "mail", "enabled": true, "sslRequired": "none",
                  "accessTokenLifespan": %1$d, "ssoSessionIdleTimeout": 1800, "ssoSessionMaxLifespan": 7200,
                  "revokeRefreshToken": true, "refreshTokenMaxReuse": 0,
                  "eventsListeners": ["jboss-logging"],
                  "clients": [ %3$s, %4$s, %5$s,
                    { "clientId": "dovecot", "publicClient": false, "clientAuthenticatorType": "client-secret",
                      "secret": "dovecot-secret", "serviceAccountsEnabled": false,
                      "directAccessGrantsEnabled": false, "standardFlowEnabled": false } ],
                  "users": [
                    { "username": "alice", "enabled": true, "email": "alice@example.test", "emailVerified": true,
                      "firstName": "Alice", "lastName": "Tester",
                      "credentials": [ { "type": "password", "value": "alice-password", "temporary": false } ] },
                    { "username": "service-account-smtp-client", "enabled": true,
                      "serviceAccountClientId": "smtp-client" },
                    { "username": "service-account-smtp-short", "enabled": true,
                      "serviceAccountClientId": "smtp-short" },
                    { "username": "service-account-smtp-jwt-client", "enabled": true,
                      "serviceAccountClientId": "smtp-jwt-client" } ] }
                """.formatted(
                        longLifespan,
                        shortLifespan,
                        client(CLIENT, CLIENT_SECRET, longLifespan),
                        client(SHORT_CLIENT, SHORT_CLIENT_SECRET, shortLifespan),
                        jwtClient(jwtCertificate, longLifespan));
    }

    static String otherRealm() {
        return """
                { "realm": "other", "enabled": true, "sslRequired": "none",
                  "clients": [
                    { "clientId": "smtp-client", "publicClient": false, "clientAuthenticatorType": "client-secret",
                      "secret": "other-secret", "serviceAccountsEnabled": true, "directAccessGrantsEnabled": false,
                      "standardFlowEnabled": false } ],
                  "users": [ { "username": "service-account-smtp-client", "enabled": true,
                               "serviceAccountClientId": "smtp-client" } ] }
                """;
    }

    /** Client credentials authenticated by a signed JWT that Keycloak checks against the certificate. */
    private static String jwtClient(String certificate, int lifespan) {
        return """
                { "clientId": "%s", "publicClient": false, "clientAuthenticatorType": "client-jwt",
                  "serviceAccountsEnabled": true, "directAccessGrantsEnabled": false, "standardFlowEnabled": false,
                  "attributes": { "access.token.lifespan": "%d", "jwt.credential.certificate": "%s" },
                  "protocolMappers": [ { "name": "audience-dovecot", "protocol": "openid-connect",
                      "protocolMapper": "oidc-audience-mapper",
                      "config": { "included.client.audience": "dovecot", "access.token.claim": "true",
                                  "introspection.token.claim": "true", "id.token.claim": "false" } } ] }
                """.formatted(JWT_CLIENT, lifespan, certificate);
    }

    private static String client(String id, String secret, int lifespan) {
        return """
                { "clientId": "%s", "publicClient": false, "clientAuthenticatorType": "client-secret",
                  "secret": "%s", "serviceAccountsEnabled": true, "directAccessGrantsEnabled": true,
                  "standardFlowEnabled": false, "attributes": { "access.token.lifespan": "%d" },
                  "protocolMappers": [ { "name": "audience-dovecot", "protocol": "openid-connect",
                      "protocolMapper": "oidc-audience-mapper",
                      "config": { "included.client.audience": "dovecot", "access.token.claim": "true",
                                  "introspection.token.claim": "true", "id.token.claim": "false" } } ] }
                """.formatted(id, secret, lifespan);
    }
}
