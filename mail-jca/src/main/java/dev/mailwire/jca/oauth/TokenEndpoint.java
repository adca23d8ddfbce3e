package dev.mailwire.jca.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One issuer's token endpoint: a form POST (RFC 6749 §3.2) with the client's credentials in the body
 * ({@code client_secret_post}, which Microsoft Entra ID, Google and Keycloak all take; or a client assertion,
 * {@code private_key_jwt}), bounded by
 * {@link OAuth2Config#tokenTimeout()} from connect to the last byte of the answer: the adapter's deadline timer
 * disconnects a request still running then. Sent with {@link HttpURLConnection} on the asking thread, not with
 * {@code java.net.http.HttpClient}, which starts a selector thread per client that on Java 17 cannot be stopped (it
 * ends only once the client is garbage-collected): one per token source, outliving an undeployed adapter. The
 * connection is not kept alive either ({@code Connection: close}): a token is asked for once per lifetime. The body
 * is not streamed ({@code setFixedLengthStreamingMode}): in streaming mode the JDK neither keeps a 401's error body
 * nor resends a request that met a kept-alive socket the issuer had closed.
 */
final class TokenEndpoint {

    /** What an issuer's answer gives: the access token, its lifetime, and a rotated refresh token if any. */
    record Grant(String accessToken, Duration lifetime, String refreshToken) {
        @Override
        public String toString() {
            return "Grant[lifetime=" + lifetime + "]";
        }
    }

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");

    /** An answer longer than this is not a token answer: read no more of it. */
    private static final int MAX_ANSWER = 64 * 1024;

    /** Issuers that leave out {@code expires_in} (RFC 6749 makes it optional): assume a short life, refresh often. */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

    private final OAuth2Config config;
    private final TokenSource.Deadlines deadlines;

    TokenEndpoint(OAuth2Config config, TokenSource.Deadlines deadlines) {
        this.config = config;
        this.deadlines = deadlines;
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
        } else if (config.clientAssertionKey() != null) {
            // Made for this request: issuers refuse a jti they have seen (RFC 7523 §3, item 7).
            form.put("client_assertion_type", ClientAssertion.TYPE);
            form.put(
                    "client_assertion",
                    ClientAssertion.sign(
                            config.clientAssertionKey(), config.clientId(), config.tokenEndpoint(), Instant.now()));
        }
        if (config.scope() != null) {
            form.put("scope", config.scope());
        }
        byte[] body = encode(form).getBytes(StandardCharsets.UTF_8);
        if (Thread.currentThread().isInterrupted()) {
            throw failure(TokenException.INTERRUPTED, null);
        }
        HttpURLConnection http;
        try {
            http = (HttpURLConnection) config.tokenEndpoint().toURL().openConnection();
        } catch (IOException | IllegalArgumentException e) {
            throw failure("could not be reached (" + e.getClass().getSimpleName() + ")", e);
        }
        int limit = (int)
                Math.min(Integer.MAX_VALUE, Math.max(1, config.tokenTimeout().toMillis()));
        http.setConnectTimeout(limit);
        http.setReadTimeout(limit);
        http.setInstanceFollowRedirects(false); // a redirect would carry the secret elsewhere
        http.setUseCaches(false);
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        http.setRequestProperty("Accept", "application/json");
        http.setRequestProperty("Connection", "close");
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        Future<?> deadline;
        try {
            deadline = deadlines.after(config.tokenTimeout(), () -> {
                deadlinePassed.set(true);
                http.disconnect();
            });
        } catch (RejectedExecutionException e) {
            throw failure("was not asked: the adapter is stopping", e);
        }
        boolean connected = false;
        try {
            http.connect();
            connected = true;
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            return grant(status, answer(http, status));
        } catch (IOException e) {
            if (deadlinePassed.get()) {
                throw failure("did not answer within " + config.tokenTimeout() + " (oauth2.token-timeout)", e);
            }
            if (e instanceof SocketTimeoutException) {
                throw failure(
                        connected
                                ? "did not answer within " + config.tokenTimeout() + " (oauth2.token-timeout)"
                                : "did not accept a connection within " + config.tokenTimeout()
                                        + " (oauth2.token-timeout)",
                        e);
            }
            if (e instanceof ConnectException) {
                throw failure("refused the connection (is the issuer up, and is oauth2.token-endpoint right?)", e);
            }
            throw failure("could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            deadline.cancel(false);
            http.disconnect();
        }
    }

    /** The answer's body, success or error, at most {@link #MAX_ANSWER} bytes. */
    private static String answer(HttpURLConnection http, int status) throws IOException {
        try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
            return in == null ? "" : new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        }
    }

    private Grant grant(int status, String body) {
        Map<String, String> json;
        try {
            json = FlatJson.parse(body);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw failure("answered HTTP " + status + " without a JSON object", null);
        }
        if (status != 200 || json.get("access_token") == null) {
            String error = json.getOrDefault("error", "no error code");
            String description = json.get("error_description");
            throw new TokenException(
                    config,
                    "refused the " + config.grant() + " grant: HTTP " + status + ", " + error
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
                config.clientAssertionKey() != null
                        ? "Check oauth2.client-id, that the issuer has the certificate of the key in"
                                + " oauth2.client-assertion.key-store (x5t#S256="
                                + config.clientAssertionKey().sha256Thumbprint()
                                + ") for this client, and that the client may use this grant."
                        : "Check oauth2.client-id and oauth2.client-secret, and that the client may use this grant.";
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
        // Anything JWT-shaped too: an issuer quoting the client assertion or a token back.
        t = JWT.matcher(t).replaceAll("***");
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
