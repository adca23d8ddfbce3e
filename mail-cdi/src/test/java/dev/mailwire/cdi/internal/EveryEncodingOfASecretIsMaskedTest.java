package dev.mailwire.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 7: the scrubber must mask a configured secret in every encoding it can meet in an error text, a
 * server's echo or a protocol trace, not only as the AUTH line it knows: the AUTH PLAIN forms Angus sends
 * ({@code user\0user\0password}, {@code \0user\0password}) and any other authorization identity, Base64 at every
 * alignment, URL encoding, and the XOAUTH2 initial response.
 */
class EveryEncodingOfASecretIsMaskedTest {

    private static final String USER = "dave@example.org"; // 16 bytes: the password lands unaligned
    private static final String PASSWORD = "s3cret-pw-2026";
    private static final String TOKEN = "ya29.a0AfH6SMBx-token";

    private final Secrets secrets = Secrets.of(USER, List.of(PASSWORD));

    @Test
    void authPlainAsAngusSendsIt() {
        String echoed = "535 5.7.8 bad credentials " + b64(USER + "\0" + USER + "\0" + PASSWORD);
        assertHidden(secrets.scrub(echoed), PASSWORD);
    }

    @Test
    void authPlainWithAnyAuthorizationIdentity() {
        for (String authzid : List.of("", "a", "ab", "abc", "someone-else")) {
            String text = "S: 501 cannot decode " + b64(authzid + "\0" + USER + "\0" + PASSWORD) + " (len)";
            assertHidden(secrets.scrub(text), PASSWORD);
        }
    }

    @Test
    void passwordInsideAnyBase64Blob() {
        for (String before : List.of("", "x", "xy", "xyz", "longer prefix ")) {
            for (String after : List.of("", "!", "!!", " tail")) {
                String text = "trace " + b64(before + PASSWORD + after);
                assertHidden(secrets.scrub(text), PASSWORD);
            }
        }
    }

    @Test
    void urlEncoded() {
        Secrets spaced = Secrets.of(USER, List.of("p@ss word/+&=%"));
        String text = "POST body password=" + URLEncoder.encode("p@ss word/+&=%", StandardCharsets.UTF_8)
                + " and %20-form p%40ss%20word%2F%2B%26%3D%25";
        String scrubbed = spaced.scrub(text);
        assertThat(scrubbed)
                .doesNotContain(URLEncoder.encode("p@ss word/+&=%", StandardCharsets.UTF_8))
                .doesNotContain("p%40ss%20word%2F%2B%26%3D%25");
    }

    @Test
    void xoauth2InitialResponseOfARememberedToken() {
        Supplier<String> tokens = secrets.remembering(() -> TOKEN);
        tokens.get();
        String response = b64("user=" + USER + "\u0001auth=Bearer " + TOKEN + "\u0001\u0001");
        assertHidden(secrets.scrub("334 eyJzdGF0dXMiOiI0MDEifQ== after " + response), TOKEN);
    }

    @Test
    void ordinaryTextSurvives() {
        String text = "421 4.7.0 Too many connections from 127.0.0.1, try again later";
        assertThat(secrets.scrub(text)).isEqualTo(text);
    }

    /** Neither the secret nor any of its Base64 renderings of three bytes or more survive. */
    private static void assertHidden(String scrubbed, String secret) {
        assertThat(scrubbed).doesNotContain(secret).contains(Secrets.MASK);
        for (String blob : scrubbed.split("[^A-Za-z0-9+/=]+")) {
            String decoded = decodeLeniently(blob);
            assertThat(decoded).as("decoded " + blob).doesNotContain(secret.substring(0, secret.length() - 2));
            assertThat(decoded).as("decoded " + blob).doesNotContain(secret.substring(2));
        }
    }

    /** Decodes as much of {@code blob} as Base64 allows, at each of the four offsets. */
    private static String decodeLeniently(String blob) {
        StringBuilder all = new StringBuilder();
        for (int offset = 0; offset < 4 && offset < blob.length(); offset++) {
            String part = blob.substring(offset).replace("=", "");
            part = part.substring(0, part.length() - part.length() % 4);
            try {
                all.append(new String(Base64.getDecoder().decode(part), StandardCharsets.ISO_8859_1))
                        .append('|');
            } catch (IllegalArgumentException e) {
                // not Base64 at this offset
            }
        }
        return all.toString();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
