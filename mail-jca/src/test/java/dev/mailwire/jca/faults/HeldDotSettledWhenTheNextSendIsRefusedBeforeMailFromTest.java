package dev.mailwire.jca.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.validation.SmtpUtf8;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12: the send after a held dot is refused before its MAIL FROM, here a non-ASCII local part to a server
 * that does not offer SMTPUTF8 (MWJCA-217). Nothing of it goes out, so nothing would carry the held dot: that send
 * reads the held reply before it returns, the held mail's future completes DELIVERED at once (its caller waits for
 * it), and the connection goes on serving.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HeldDotSettledWhenTheNextSendIsRefusedBeforeMailFromTest {

    @Test
    void heldMailDeliveredConnectionUsable() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                FakeServerMailer mailer = new FakeServerMailer(server)) {
            try (MailConnection c = mailer.connections.getConnection()) {
                MimeMessage first = FakeServerMailer.message("held mail");
                CompletableFuture<SendResult> held = c.sendBeforeNext(first, FakeServerMailer.recipients(first));
                assertThat(held).isNotDone();

                InvalidMailException refused = catchThrowableOfType(InvalidMailException.class, () -> c.send(utf8()));
                assertThat(refused).isNotNull();
                assertThat(refused.getMessage()).contains("MWJCA-217", "SMTPUTF8");

                assertThat(held).as("settled by the refused send").isCompleted();
                assertThat(held.get().recipients()).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RecipientResult.Status.DELIVERED);
                    assertThat(r.code()).isEqualTo(250);
                });

                SendResult after = c.send(FakeServerMailer.message("after the refusal"));
                assertThat(after.allDelivered()).as(after.toString()).isTrue();
            }
            assertThat(server.messages()).hasSize(2);
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(mailer.pool.stats().destroyed()).isZero();
        }
    }

    /** A mail to a non-ASCII local part, written as UTF-8 (RFC 6532): it needs SMTPUTF8 (RFC 6531). */
    private static MimeMessage utf8() throws Exception {
        Properties properties = new Properties();
        properties.setProperty(SmtpUtf8.ALLOW_UTF8, "true");
        MimeMessage m = new MimeMessage(Session.getInstance(properties));
        m.setFrom(new InternetAddress("app@example.test"));
        m.setRecipient(RecipientType.TO, new InternetAddress("j\u00f6rg@example.test"));
        m.setSubject("needs SMTPUTF8", "UTF-8");
        m.setText("Hallo J\u00f6rg", "UTF-8");
        return m;
    }
}
