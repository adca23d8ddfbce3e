package dev.mailwire.test.smtp.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Each form in which a secret or token travels is found and named by its kind, whatever surrounds it; texts that only
 * look alike (Base64 of something else, a JWT-like string that is not one) are not findings.
 */
class LeakFinderNamesEachFormOfASecretTest {

    private static final String SECRET = "Sx-41d9-client";
    /** Header {"alg":"RS256","typ":"JWT"} and a payload, as Keycloak writes an access token (signature made up). */
    private static final String JWT =
            "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZXJ2aWNlLWFjY291bnQifQ.c2lnbmF0dXJl";

    private final LeakFinder finder = new LeakFinder().secret("client secret", SECRET);

    @Test
    void theSecretAsTypedBase64AndUrlEncoded() {
        assertThat(finder.find("client_secret=" + SECRET + "&grant_type=x")).contains("client secret");
        assertThat(finder.find("C: " + b64(SECRET))).contains("client secret (Base64)");
        String encoded = URLEncoder.encode("a b&" + SECRET, StandardCharsets.UTF_8);
        assertThat(finder.find("body=" + encoded))
                .hasValueSatisfying(k -> assertThat(k).startsWith("client secret"));
    }

    @Test
    void authPlainWithAUserTheFinderWasNotTold() {
        assertThat(finder.find("AUTH PLAIN " + b64("\0ada\0" + SECRET))).contains("client secret (inside Base64)");
    }

    @Test
    void tokensAndSaslOAuth2ResponsesWhateverTheirValue() {
        assertThat(finder.find("token: " + JWT)).contains("JWT (access or refresh token)");
        assertThat(finder.find("AUTH XOAUTH2 " + b64("user=a@example.test\u0001auth=Bearer opaque\u0001\u0001")))
                .contains("XOAUTH2/OAUTHBEARER initial response (Base64)");
        assertThat(finder.find("AUTH OAUTHBEARER " + b64("n,a=a@example.test,\u0001auth=Bearer opaque\u0001\u0001")))
                .contains("XOAUTH2/OAUTHBEARER initial response (Base64)");
        assertThat(finder.find("C: " + b64("n,,\u0001auth=Bearer opaque\u0001\u0001")))
                .contains("XOAUTH2/OAUTHBEARER initial response (Base64)");
    }

    @Test
    void lookAlikesAreNotFindings() {
        assertThat(finder.find("AUTH PLAIN " + b64("\0someone\0another-password")))
                .isEmpty();
        assertThat(finder.find("334 " + b64("{\"status\":\"invalid_token\",\"scope\":\"smtp\"}")))
                .isEmpty();
        assertThat(finder.find("eyJhbGciOiJSUzI1NiJ9 alone, and dev/mailwire/jca/oauth/TokenEndpoint.java"))
                .isEmpty();
        assertThat(finder.find("mailwire.mailer.oauth2.client-secret is missing"))
                .isEmpty();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
