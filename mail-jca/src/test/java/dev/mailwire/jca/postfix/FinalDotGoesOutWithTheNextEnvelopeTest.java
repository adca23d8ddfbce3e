package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.RecipientResult;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.proxy.RecordingProxy;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: a mail sent with {@code sendBeforeNext} leaves its final dot for the next send on the connection, and
 * against the real Postfix the dot and the next mail's MAIL FROM, RCPT TO and DATA go out in one write (RFC 2920
 * §3.1). The first mail's result comes with the next send's first reply, and is what a plain send reports. Over
 * Postfix's plaintext listener, so that the proxy sees the commands themselves.
 */
@Timeout(120)
class FinalDotGoesOutWithTheNextEnvelopeTest {

    @Test
    void theDotAndTheNextEnvelopeAreOneWrite() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().plainListener().start();
                RecordingProxy proxy = RecordingProxy.to(postfix.host(), postfix.plainPort());
                ProxiedMailer m = ProxiedMailer.plaintext(postfix, proxy, true)) {
            String ada = postfix.address("ada");
            String bob = postfix.address("bob");
            String sender = postfix.address("sender");

            SendResult second;
            CompletableFuture<SendResult> first;
            List<String> writes;
            try (MailConnection c = m.connection()) {
                int before = proxy.clientWrites();
                first = c.sendBeforeNext(ProxiedMailer.message(postfix, "first", ada), to(ada));
                // Its dot has not even left: nobody has read a reply to it.
                assertThat(first).isNotDone();
                second = c.send(ProxiedMailer.message(postfix, "second", bob));
                assertThat(first).isDone();
                writes = proxy.clientWritesSince(before);
            }

            RecipientResult ofFirst = first.get().recipients().get(0);
            RecipientResult ofSecond = second.recipients().get(0);
            assertThat(ofFirst.address()).isEqualTo(ada);
            assertThat(ofFirst.status()).isEqualTo(Status.DELIVERED);
            assertThat(ofFirst.code()).isEqualTo(250);
            assertThat(ofFirst.reply()).isEqualTo(ofSecond.reply());
            // The first envelope; the first content, its dot and the second envelope; the second content and dot.
            assertThat(writes).hasSize(3);
            assertThat(writes.get(0)).isEqualTo("MAIL FROM:<" + sender + ">\r\nRCPT TO:<" + ada + ">\r\nDATA\r\n");
            assertThat(writes.get(1))
                    .contains("Subject: first")
                    .endsWith("\r\n.\r\nMAIL FROM:<" + sender + ">\r\nRCPT TO:<" + bob + ">\r\nDATA\r\n");
            assertThat(writes.get(2)).contains("Subject: second").endsWith("\r\n.\r\n");

            assertThat(postfix.awaitDelivered(2, Duration.ofSeconds(30)))
                    .extracting(d -> d.subject().orElse(""))
                    .containsExactlyInAnyOrder("first", "second");
            assertThat(postfix.log().lines()).noneMatch(l -> l.contains("improper command pipelining"));
        }
    }

    private static Address[] to(String address) throws Exception {
        return new Address[] {new InternetAddress(address)};
    }
}
