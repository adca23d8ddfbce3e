package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Transcript;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: to a server that does not advertise PIPELINING, {@code sendBeforeNext} is a plain lock-step send (RFC
 * 2920 lets a client send a final dot and more behind it only to a server that pipelines): the future it returns is
 * already complete, and the server sees every command, the final dots included, only after its previous reply.
 * Over plaintext, where the fake sees what arrived behind each command.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WithoutPipeliningNoFinalDotIsHeldTest {

    @Test
    void sendBeforeNextIsLockStep() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder()
                        .startTls(false)
                        .requireTls(false)
                        .extensions("8BITMIME", "ENHANCEDSTATUSCODES")
                        .start();
                FakeServerMailer mailer = FakeServerMailer.plaintext(server)) {
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage first = FakeServerMailer.message("first mail");
                CompletableFuture<SendResult> sent = c.sendBeforeNext(first, FakeServerMailer.recipients(first));
                assertThat(sent).as("nothing held: complete on return").isCompleted();
                assertThat(sent.get().allDelivered()).isTrue();
                assertThat(server.messages()).hasSize(1);

                assertThat(c.send(FakeServerMailer.message("second mail")).allDelivered())
                        .isTrue();
            }
            assertThat(server.messages()).hasSize(2);

            // Counted as each command arrived: the second dot's 250 came after the fake had counted it.
            Transcript wire = server.transcript(0);
            assertThat(wire.envelopes()).isEqualTo(2);
            assertThat(wire.envelopesWithFinalDot()).isZero();
            assertThat(wire.pipelinedEnvelopes()).isZero();
            assertThat(server.connectionCount()).isEqualTo(1);
        }
    }
}
