package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult.Status;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.proxy.RecordingProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, must-show 1: a Postfix that does not advertise PIPELINING ({@code smtpd_discard_ehlo_keywords}) gets
 * MAIL, RCPT and DATA one write at a time although pipelining is on (the default), and logs no improper pipelining.
 */
@Timeout(120)
class WithoutPipeliningOfferedSendsAreLockStepTest {

    @Test
    void eachCommandIsItsOwnWrite() {
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                        .set("smtpd_discard_ehlo_keywords", "pipelining")
                        .start();
                RecordingProxy proxy = RecordingProxy.to(postfix.host(), postfix.port());
                ProxiedMailer m = ProxiedMailer.starttls(postfix, proxy, true)) {
            String ok = postfix.address("ada");

            ProxiedMailer.Sent sent = m.send(ProxiedMailer.message(postfix, "lock-step", ok));

            assertThat(sent.failure()).isNull();
            assertThat(sent.result().recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            // MAIL, RCPT, DATA, then the content with its final dot.
            assertThat(sent.writes()).hasSize(4);
            assertThat(postfix.log().lines()).noneMatch(l -> l.contains("improper command pipelining"));
        }
    }
}
