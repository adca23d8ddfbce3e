package dev.mailwire.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls the fixtures' servlet and the server's endpoints; every call is bounded, and a non-200 answer fails with
 * the server's text (except {@link #answer}).
 */
public final class Http {

    // HTTP/1.1: the client's default (HTTP/2, upgrading a plain connection) makes Open Liberty answer concurrent
    // requests with GOAWAY, failing them; the tests are about mail, not about the HTTP version.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Http() {}

    /** POSTs to {@code base + path} with form parameters; returns the body. */
    public static String post(URL base, String path, Map<String, String> parameters) {
        HttpRequest request = HttpRequest.newBuilder(uri(base, path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        return send(request);
    }

    public static String get(URL base, String path) {
        return send(
                HttpRequest.newBuilder(uri(base, path)).timeout(TIMEOUT).GET().build());
    }

    /** The HTTP status of a GET, e.g. to see that an undeployed application is gone. */
    public static int status(URL base, String path) {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(uri(base, path))
                                    .timeout(TIMEOUT)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status and body, whatever the status. */
    public record Answer(int status, String body) {}

    /**
     * GETs {@code uri} and returns the answer whatever its status: MicroProfile Health answers 503 while a check is
     * DOWN, with the same JSON body. Bounded by {@code timeout}.
     */
    public static Answer answer(URI uri, Duration timeout) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(URL base, String path) {
        String root = base.toExternalForm();
        return URI.create(root.endsWith("/") ? root + path : root + "/" + path);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
