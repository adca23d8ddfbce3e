package dev.mailwire.jca.oauth;

import java.net.URI;
import java.time.Duration;

/**
 * How the adapter gets access tokens for one mailer: the {@code oauth2.*} connection settings, parsed. The grant
 * is the refresh-token grant (RFC 6749 §6) when a refresh token is set, else client credentials (§4.4). The client
 * authenticates with its secret, or with a client assertion signed by its key (RFC 7523 §2.2), or not at all (a
 * public client of the refresh grant).
 *
 * @param mailer the mailer's name, for messages
 * @param tokenEndpoint the issuer's token endpoint ({@code oauth2.token-endpoint})
 * @param clientId the client id ({@code oauth2.client-id})
 * @param clientSecret the client secret ({@code oauth2.client-secret}), or null
 * @param clientAssertionKey the key client assertions are signed with ({@code oauth2.client-assertion.*}), or null
 * @param scope space-separated scopes ({@code oauth2.scope}), or null
 * @param refreshToken the initial refresh token ({@code oauth2.refresh-token}), or null for client credentials
 * @param tokenTimeout bound on one token request, connect included ({@code oauth2.token-timeout})
 * @param refreshMargin how long before expiry a token is replaced ({@code oauth2.refresh-margin}); at most half its
 *     lifetime
 */
public record OAuth2Config(
        String mailer,
        URI tokenEndpoint,
        String clientId,
        String clientSecret,
        ClientAssertionKey clientAssertionKey,
        String scope,
        String refreshToken,
        Duration tokenTimeout,
        Duration refreshMargin) {

    public boolean refreshGrant() {
        return refreshToken != null;
    }

    /** The grant's name as issuers and the docs call it. */
    public String grant() {
        return refreshGrant() ? "refresh_token" : "client_credentials";
    }

    @Override
    public int hashCode() {
        // Not the secrets: hash codes can end up in logs and heap dumps; equals still compares them.
        return java.util.Objects.hash(mailer, tokenEndpoint, clientId, scope, clientAssertionKey);
    }

    @Override
    public String toString() {
        // Never the secret or the refresh token: this ends up in logs.
        return "OAuth2Config[mailer=" + mailer + ", " + grant() + " at " + tokenEndpoint + ", client=" + clientId
                + (clientAssertionKey == null ? "" : ", " + clientAssertionKey)
                + (scope == null ? "" : ", scope=" + scope) + "]";
    }
}
