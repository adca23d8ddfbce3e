package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Without an outbox table, committed mail waits in memory, and only the number of mails was bounded: a few large
 * ones could fill the heap. Now the bytes are bounded too ({@code outbox.memory-limit}): a mail that does not fit
 * beside those already held is refused at {@code send}, inside its transaction, naming the setting; the bytes are
 * given back when a transaction rolls back and when a mail is delivered.
 */
@Timeout(60)
class MemoryOutboxIsBoundedByBytesTest {

    private static final int ATTACHMENT = 40_000; // base64: ~55 KB a mail; two do not fit in 100,000 bytes

    @Test
    void mailBeyondTheLimitIsRefusedInItsTransaction() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                TestConfig config = TestConfig.use(settings(server));
                WeldContainer container = TxContainers.boot()) {
            Mailer mailer = TxContainers.mailer(container);

            assertThatThrownBy(() -> Jta.inTransaction(() -> {
                        mailer.send(mail("first"));
                        return mailer.send(mail("second"));
                    }))
                    .isInstanceOf(MailerException.class)
                    .hasMessageContaining("MWTX-009")
                    .hasMessageContaining("mailwire.mailer.outbox.memory-limit");

            // The rollback gave the first mail's bytes back: one fits again, is delivered, and gives them back too.
            Jta.inTransaction(() -> mailer.send(mail("third")));
            // Its outcome is fired once its bytes are given back.
            TxContainers.outcomes(container).await(1, Duration.ofSeconds(20));
            Jta.inTransaction(() -> mailer.send(mail("fourth")));
            server.awaitMessages(2, Duration.ofSeconds(20));
            assertThat(server.messages())
                    .extracting(
                            m -> m.text().contains("Subject: third") || m.text().contains("Subject: fourth"))
                    .containsOnly(true);
        }
    }

    private static Mail mail(String subject) {
        return Mail.builder()
                .to("ada@example.org")
                .subject(subject)
                .text("t")
                .attachment(Attachment.of("a.bin", "application/octet-stream", new byte[ATTACHMENT]))
                .build();
    }

    private static Map<String, String> settings(FakeSmtpServer server) {
        Map<String, String> p = TxSettings.fakeServer(server);
        Map<String, String> fast = TxSettings.fastRetries(p);
        fast.put("mailwire.mailer.outbox.memory-limit", "100000");
        return fast;
    }
}
