package dev.mailwire.test.smtp.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The server side of AUTH PLAIN (RFC 4616), LOGIN (draft-murchison-sasl-login) and XOAUTH2 (Google's). */
final class SmtpAuth {

    /** How an AUTH command ended: the final reply, and the identity when it succeeded. */
    record Outcome(String identity, String reply) {
        boolean succeeded() {
            return identity != null;
        }
    }

    /** Sends a 334 challenge and returns the client's answer line (null at end of stream). */
    interface Exchange {
        String challenge(String base64) throws IOException;
    }

    private static final String OK = "235 2.7.0 Authentication successful\r\n";
    private static final String INVALID = "535 5.7.8 Authentication credentials invalid\r\n";
    private static final String ABORTED = "501 5.7.0 Authentication aborted\r\n";
    private static final String UNDECODABLE = "501 5.5.2 Cannot decode response\r\n";

    private final Map<String, String> users;
    private final List<String> mechanisms;

    /** With no users, any credentials are accepted: most tests only need AUTH to happen. */
    SmtpAuth(Map<String, String> users, List<String> mechanisms) {
        this.users = users;
        this.mechanisms = mechanisms;
    }

    Outcome authenticate(String arguments, Exchange exchange) throws IOException {
        String[] parts = arguments.trim().split(" ", 2);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length > 1 ? parts[1].trim() : null;
        if (!mechanisms.contains(mechanism)) {
            return new Outcome(null, "504 5.5.4 Unrecognized authentication type\r\n");
        }
        try {
            return switch (mechanism) {
                case "PLAIN" -> plain(initial != null ? initial : exchange.challenge(""));
                case "LOGIN" -> login(initial, exchange);
                default -> xoauth2(initial != null ? initial : exchange.challenge(""), exchange);
            };
        } catch (IllegalArgumentException e) {
            return new Outcome(null, UNDECODABLE);
        }
    }

    private Outcome plain(String response) {
        if (response == null || response.equals("*")) {
            return new Outcome(null, ABORTED);
        }
        String[] fields = decode(response).split("\0", -1); // authzid NUL authcid NUL password
        if (fields.length != 3) {
            return new Outcome(null, UNDECODABLE);
        }
        return check(fields[1], fields[2]);
    }

    private Outcome login(String initial, Exchange exchange) throws IOException {
        String user = initial != null ? initial : exchange.challenge(encode("Username:"));
        if (user == null || user.equals("*")) {
            return new Outcome(null, ABORTED);
        }
        String password = exchange.challenge(encode("Password:"));
        if (password == null || password.equals("*")) {
            return new Outcome(null, ABORTED);
        }
        return check(decode(user), decode(password));
    }

    /** {@code user=NAME ^A auth=Bearer TOKEN ^A ^A}; a failure is a 334 with an error the client must answer. */
    private Outcome xoauth2(String response, Exchange exchange) throws IOException {
        if (response == null || response.equals("*")) {
            return new Outcome(null, ABORTED);
        }
        String user = null;
        String token = null;
        for (String field : decode(response).split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring(5);
            } else if (field.startsWith("auth=Bearer ")) {
                token = field.substring(12);
            }
        }
        if (user == null || token == null) {
            return new Outcome(null, UNDECODABLE);
        }
        Outcome outcome = check(user, token);
        if (!outcome.succeeded()) {
            exchange.challenge(encode("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"mail\"}"));
        }
        return outcome;
    }

    private Outcome check(String user, String secret) {
        boolean valid = users.isEmpty() ? !user.isEmpty() : secret.equals(users.get(user));
        return valid ? new Outcome(user, OK) : new Outcome(null, INVALID);
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
