package dev.mailwire.jca.postfix;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 12: over STARTTLS with AUTH, as in production, a held final dot waits under TLS (Angus wraps Mailwire's
 * socket for its write timeout, and TLS is layered on the wrapper) and leaves in one write with the next mail's
 * envelope: two mails take three client writes (envelope; content, dot and next envelope; content and dot) where
 * two plain sends take four. Found missing once: the dot was not held under TLS because the socket recorded for
 * it was Angus's wrapper, not Mailwire's.
 */
@Timeout(120)
class FinalDotWaitsUnderTlsForTheNextEnvelopeTest {

    @Test
    void twoMailsAreThreeWrites() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                RecordingProxy proxy = RecordingProxy.to(postfix.host(), postfix.port());
                ProxiedMailer m = ProxiedMailer.starttls(postfix, proxy, true)) {
            String ada = postfix.address("ada");
            String bob = postfix.address("bob");

            CompletableFuture<SendResult> first;
            List<String> writes;
            try (MailConnection c = m.connection()) {
                int before = proxy.clientWrites();
                first = c.sendBeforeNext(
                        ProxiedMailer.message(postfix, "first", ada), new Address[] {new InternetAddress(ada)});
                assertThat(first).isNotDone();
                c.send(ProxiedMailer.message(postfix, "second", bob));
                assertThat(first).isDone();
                writes = proxy.clientWritesSince(before);
            }

            assertThat(first.get().recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            assertThat(writes).hasSize(3);
            assertThat(postfix.awaitDelivered(2, Duration.ofSeconds(30))).hasSize(2);
            assertThat(postfix.log().lines()).noneMatch(l -> l.contains("improper command pipelining"));
        }
    }
}
