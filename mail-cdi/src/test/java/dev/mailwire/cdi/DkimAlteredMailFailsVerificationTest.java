package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The verifier really checks: the delivered copy passes, and the same copy with one body byte changed, or with its
 * signed Subject changed, or with a second List-Unsubscribe added (oversigned), fails both signatures.
 */
@Timeout(120)
class DkimAlteredMailFailsVerificationTest {

    @RegisterExtension
    final SigningPostfix postfix = new SigningPostfix();

    @Test
    void oneChangedByteFailsVerification() {
        DeliveredMessage delivered = postfix.deliver(Mail.builder()
                .to(postfix.address("ada"))
                .subject("Your invoice")
                .text("Amount due: 100 EUR\n")
                .build());
        String original = delivered.text();
        DkimVerifier verifier = postfix.verifier();
        assertThat(verifier.verify(delivered.raw()).passed()).isTrue();

        String body = original.replace("Amount due: 100 EUR", "Amount due: 900 EUR");
        assertThat(body).isNotEqualTo(original);
        DkimVerifier.Result changedBody = verifier.verify(body.getBytes(StandardCharsets.UTF_8));
        assertThat(changedBody.passed()).isFalse();
        assertThat(changedBody.lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains(" fail"));

        String subject = original.replace("Subject: Your invoice", "Subject: Your refund");
        assertThat(verifier.verify(subject.getBytes(StandardCharsets.UTF_8)).passed())
                .isFalse();

        String added = "List-Unsubscribe: <https://evil.example/u>\n" + original;
        assertThat(verifier.verify(added.getBytes(StandardCharsets.UTF_8)).passed())
                .isFalse();
    }
}
