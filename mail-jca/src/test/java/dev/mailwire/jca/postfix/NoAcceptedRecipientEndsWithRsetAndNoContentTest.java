package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.MailRejectedException;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.proxy.RecordingProxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, must-show 1: a pipelined send whose every RCPT Postfix refuses ends with RSET and sends no content
 * (Postfix answers the pipelined DATA with 554 "no valid recipients"), and the connection stays in step: the next
 * send on it is delivered. Over Postfix's plaintext listener, so that the proxy sees the commands themselves.
 */
@Timeout(120)
class NoAcceptedRecipientEndsWithRsetAndNoContentTest {

    @Test
    void rsetFollowsTheEnvelopeAndNoContentIsSent() {
        try (PrivatePostfix postfix = PrivatePostfix.builder().plainListener().start();
                RecordingProxy proxy = RecordingProxy.to(postfix.host(), postfix.plainPort());
                ProxiedMailer m = ProxiedMailer.plaintext(postfix, proxy, true)) {
            String rejected = postfix.address("rejected");
            String deferred = postfix.address("deferred");
            String sender = postfix.address("sender");

            ProxiedMailer.Sent refused = m.send(ProxiedMailer.message(postfix, "nobody", rejected, deferred));

            assertThat(refused.failure()).isInstanceOf(MailRejectedException.class);
            assertThat(((MailRejectedException) refused.failure()).result().recipients())
                    .extracting(r -> r.status())
                    .containsExactly(Status.REJECTED, Status.DEFERRED);
            assertThat(refused.writes())
                    .containsExactly(
                            "MAIL FROM:<" + sender + ">\r\nRCPT TO:<" + rejected + ">\r\nRCPT TO:<" + deferred
                                    + ">\r\nDATA\r\n",
                            "RSET\r\n");

            String ok = postfix.address("ada");
            ProxiedMailer.Sent next = m.send(ProxiedMailer.message(postfix, "after the refusal", ok));

            assertThat(next.failure()).isNull();
            assertThat(next.result().recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            List<String> writes = next.writes();
            assertThat(writes.get(0)).isEqualTo("MAIL FROM:<" + sender + ">\r\nRCPT TO:<" + ok + ">\r\nDATA\r\n");
            assertThat(writes.get(writes.size() - 1)).endsWith("\r\n.\r\n");
            assertThat(postfix.awaitDelivered(1, java.time.Duration.ofSeconds(30))
                            .get(0)
                            .subject())
                    .contains("after the refusal");
            assertThat(postfix.delivered()).hasSize(1);
        }
    }
}
