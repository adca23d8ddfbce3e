package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inside a transaction, {@code send(MimeMessage)} stores the message's bytes in the outbox instead of sending it, so
 * nothing checks it again before it reaches the server: a content type that becomes a header only when the message
 * is saved must be checked as that header before it is stored. It is refused in the caller's thread, no outbox row
 * is written, and only the valid mail sent afterwards reaches the real Postfix, without the injected lines.
 */
@Timeout(90)
class MimeMessageCheckedAsWrittenBeforeCommitTest {

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    private TestConfig config;
    private WeldContainer container;
    private Mailer mailer;

    @BeforeEach
    void boot() {
        SERVERS.postfix().clearObservations();
        config = TestConfig.use(TxSettings.outbox(TxSettings.postfix(SERVERS.postfix())));
        container = TxContainers.boot();
        mailer = TxContainers.mailer(container);
    }

    @AfterEach
    void close() {
        container.close();
        config.close();
    }

    @Test
    void lineBreakInSetContentTypeIsRefusedBeforeCommit() throws Exception {
        MimeMessage message = message();
        message.setContent("body", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\r\nX-Injected: 1\"");

        assertRefusedAndNothingStored(message);
    }

    @Test
    void blankLineInADataSourceTypeIsRefusedBeforeCommit() throws Exception {
        MimeMessage message = message();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(
                "data".getBytes(StandardCharsets.US_ASCII),
                "application/octet-stream; x=\"\r\n\r\n<html>evil.test</html>\r\nX-Injected: 1\"")));
        file.setDisposition("attachment");
        message.setContent(new MimeMultipart(text, file));

        assertRefusedAndNothingStored(message);
    }

    private void assertRefusedAndNothingStored(MimeMessage message) throws Exception {
        sendSentinel("first sentinel"); // also creates the outbox table
        long rows = Databases.count(SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox");

        InvalidMailException e =
                catchThrowableOfType(InvalidMailException.class, () -> Jta.inTransaction(() -> mailer.send(message)));

        assertThat(e).as("refused in the caller's thread").isNotNull();
        assertThat(Databases.count(SERVERS.dataSource(), "SELECT COUNT(*) FROM mailwire_outbox"))
                .as("outbox rows")
                .isEqualTo(rows);
        // A mail committed after the refused one: once it is delivered, a stored hostile mail would have been too.
        sendSentinel("second sentinel");
        List<DeliveredMessage> delivered = SERVERS.postfix().awaitDelivered(2, Duration.ofSeconds(30));
        assertThat(delivered).hasSize(2);
        assertThat(delivered).allSatisfy(m -> {
            assertThat(m.subject()).get().asString().contains("sentinel");
            assertThat(m.text()).doesNotContain("X-Injected", "evil.test");
        });
    }

    private void sendSentinel(String subject) throws Exception {
        MimeMessage sentinel = message();
        sentinel.setSubject(subject);
        sentinel.setText("valid");
        Jta.inTransaction(() -> mailer.send(sentinel));
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(SERVERS.postfix().address("app"));
        message.setRecipients(RecipientType.TO, SERVERS.postfix().address("ada"));
        message.setSubject("hostile");
        return message;
    }
}
