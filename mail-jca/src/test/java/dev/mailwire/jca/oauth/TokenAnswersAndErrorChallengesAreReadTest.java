package dev.mailwire.jca.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The JSON an issuer answers (RFC 6749 §5.1) and an SMTP server's error challenge (RFC 7628 §3.2.2) are read for
 * the few members Mailwire uses; nested members are skipped, and a malformed text is refused without quoting it.
 */
class TokenAnswersAndErrorChallengesAreReadTest {

    @Test
    void aTokenAnswerGivesItsScalarMembers() {
        var json = FlatJson.parse("{\"access_token\":\"a.b\\/c\",\"expires_in\":3599,\"not-before-policy\":0,"
                + "\"session_state\":null,\"authorization_details\":[{\"x\":\"}\"}],\"scope\":\"email profile\"}");
        assertThat(json)
                .containsEntry("access_token", "a.b/c")
                .containsEntry("expires_in", "3599")
                .containsEntry("scope", "email profile")
                .doesNotContainKey("session_state")
                .doesNotContainKey("authorization_details");
    }

    @Test
    void textThatIsNotAnObjectIsRefusedWithoutBeingQuoted() {
        assertThatThrownBy(() -> FlatJson.parse("<html>secret-ish page</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-ish");
    }

    @Test
    void dovecotsChallengeIsDescribedByStatusAndScope() {
        String challenge = "334 "
                + Base64.getEncoder()
                        .encodeToString("{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"mail\"}"
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(ErrorChallenge.describe(challenge))
                .isEqualTo("error challenge status=401, scope=mail, schemes=bearer");
    }

    @Test
    void aChallengeThatIsNotBase64JsonIsSaidToBeSo() {
        assertThat(ErrorChallenge.describe("334 not base64!")).contains("not base64 JSON");
    }
}
