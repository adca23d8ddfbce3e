package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mail with a mailto: and a one-click https: unsubscribe URI arrives through Postfix with {@code List-Unsubscribe}
 * and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, and both are covered by the DKIM signatures
 * (RFC 8058 §4), which dkimpy verifies.
 */
@Timeout(120)
class OneClickUnsubscribeIsSignedTest {

    @RegisterExtension
    final SigningPostfix postfix = new SigningPostfix();

    @Test
    void headersArriveAndAreSigned() {
        DeliveredMessage delivered = postfix.deliver(Mail.builder()
                .to(postfix.address("ada"))
                .subject("Newsletter")
                .text("News")
                .unsubscribe("mailto:unsubscribe@example.org?subject=ada")
                .oneClickUnsubscribe("https://example.org/unsubscribe/opaque-token-4711")
                .build());
        assertThat(delivered.header("List-Unsubscribe"))
                .contains("<mailto:unsubscribe@example.org?subject=ada>,"
                        + " <https://example.org/unsubscribe/opaque-token-4711>");
        assertThat(delivered.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");

        DkimVerifier.Result verdict = postfix.verifier().verify(delivered.file());
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
        assertThat(verdict.lines())
                .hasSize(2)
                .allSatisfy(l -> assertThat(l)
                        .contains(":list-unsubscribe:list-unsubscribe:")
                        .contains(":list-unsubscribe-post:list-unsubscribe-post"));
    }
}
