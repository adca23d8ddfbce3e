package dev.mailwire.test.smtp.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few token-endpoint calls a test makes itself, bounded; independent of the adapter's client under test. */
final class TokenRequests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TokenRequests() {}

    static String refreshToken(String endpoint, String client, String secret, String user, String password) {
        String body = post(
                endpoint,
                "grant_type=password&client_id=" + enc(client) + "&client_secret=" + enc(secret) + "&username="
                        + enc(user) + "&password=" + enc(password) + "&scope=openid");
        Matcher m = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no refresh token in the password grant's answer: " + body.length()
                    + " characters, starting " + body.substring(0, Math.min(60, body.length())));
        }
        return m.group(1);
    }

    static void revoke(String endpoint, String client, String secret, String token) {
        post(
                endpoint,
                "token=" + enc(token) + "&token_type_hint=refresh_token&client_id=" + enc(client) + "&client_secret="
                        + enc(secret));
    }

    /** Whether the issuer says {@code token} is active (RFC 7662), asked as the introspecting client. */
    static boolean active(String endpoint, String client, String secret, String token) {
        String body =
                post(endpoint, "token=" + enc(token) + "&client_id=" + enc(client) + "&client_secret=" + enc(secret));
        return Pattern.compile("\"active\"\\s*:\\s*true").matcher(body).find();
    }

    private static String post(String endpoint, String form) {
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> r = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(endpoint + " answered HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot call " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + endpoint, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
