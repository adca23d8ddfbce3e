package dev.mailwire.jca.oauth;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One issuer's token endpoint, called with the JDK's HTTP client: a form POST (RFC 6749 §3.2) with the client's
 * credentials in the body ({@code client_secret_post}, which Microsoft Entra ID, Google and Keycloak all take), bounded
 * by {@link OAuth2Config#tokenTimeout()} from connect to the last byte of the answer.
 */
final class TokenEndpoint {

    /** What an issuer's answer gives: the access token, its lifetime, and a rotated refresh token if any. */
    record Grant(String accessToken, Duration lifetime, String refreshToken) {
        @Override
        public String toString() {
            return "Grant[lifetime=" + lifetime + "]";
        }
    }

    /** Issuers that leave out {@code expires_in} (RFC 6749 makes it optional): assume a short life, refresh often. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

    private final OAuth2Config config;
    private final HttpClient http;

    TokenEndpoint(OAuth2Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.tokenTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect would carry the secret elsewhere
                .build();
    }

    /**
     * Asks for a token with {@code refreshToken} (the refresh grant) or with the client's credentials.
     *
     * @throws TokenException naming the endpoint and what it said; never the secret or a token
     */
    Grant request(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        if (refreshToken != null) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken);
        } else {
            form.put("grant_type", "client_credentials");
        }
        form.put("client_id", config.clientId());
        if (config.clientSecret() != null) {
            form.put("client_secret", config.clientSecret());
        }
        if (config.scope() != null) {
            form.put("scope", config.scope());
        }
        HttpRequest post = HttpRequest.newBuilder(config.tokenEndpoint())
                .timeout(config.tokenTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw failure("did not accept a connection within " + config.tokenTimeout() + " (oauth2.token-timeout)", e);
        } catch (HttpTimeoutException e) {
            throw failure("did not answer within " + config.tokenTimeout() + " (oauth2.token-timeout)", e);
        } catch (ConnectException e) {
            throw failure("refused the connection (is the issuer up, and is oauth2.token-endpoint right?)", e);
        } catch (IOException e) {
            throw failure("could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(TokenException.INTERRUPTED, e);
        }
        return grant(response);
    }

    private Grant grant(HttpResponse<String> response) {
        Map<String, String> json;
        try {
            json = FlatJson.parse(response.body());
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw failure("answered HTTP " + response.statusCode() + " without a JSON object", null);
        }
        if (response.statusCode() != 200 || json.get("access_token") == null) {
            String error = json.getOrDefault("error", "no error code");
            String description = json.get("error_description");
            throw new TokenException(
                    config,
                    "refused the " + config.grant() + " grant: HTTP " + response.statusCode() + ", " + error
                            + (description == null ? "" : " (" + clip(description) + ")") + ". " + advice(error),
                    null,
                    "invalid_grant".equals(error)
                            || "invalid_client".equals(error)
                            || "unauthorized_client".equals(error));
        }
        Duration lifetime = UNKNOWN_LIFETIME;
        try {
            if (json.get("expires_in") != null) {
                lifetime = Duration.ofSeconds(Long.parseLong(json.get("expires_in")));
            }
        } catch (NumberFormatException e) {
            // keep the assumed lifetime
        }
        return new Grant(json.get("access_token"), lifetime, json.get("refresh_token"));
    }

    private String advice(String error) {
        return switch (error) {
            case "invalid_client", "unauthorized_client" ->
                "Check oauth2.client-id and oauth2.client-secret, and that the client may use this grant.";
            case "invalid_grant" ->
                config.refreshGrant()
                        ? "The refresh token is expired or revoked: obtain a new one and set oauth2.refresh-token."
                        : "Check the client's registration at the issuer.";
            case "invalid_scope" -> "Check oauth2.scope.";
            default -> "Check the oauth2.* settings.";
        };
    }

    /** An issuer's text is shown, but bounded and never with our own secrets in it. */
    private String clip(String text) {
        String t = text;
        for (String secret : new String[] {config.clientSecret(), config.refreshToken()}) {
            if (secret != null && !secret.isEmpty()) {
                t = t.replace(secret, "***");
            }
        }
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    private TokenException failure(String what, Exception cause) {
        return new TokenException(config, what, cause, false);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
