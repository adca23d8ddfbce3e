package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A content type given to {@code setContent} or carried by a DataSource becomes a Content-Type header only when the
 * message is saved or written: the bare JCA connection checks the message as it will be written, so a line break in
 * such a type never puts a header or a MIME part on the wire. A valid mail afterwards arrives, so the server was
 * reachable.
 */
@Timeout(60)
class ContentTypesFromDataHandlersCheckedAsWrittenTest {

    private static FakeSmtpServer server;
    private static BareConnection connection;

    @BeforeAll
    static void start() {
        server = FakeSmtpServer.builder().start();
        connection = new BareConnection(Messages.MAILER, server);
    }

    @AfterAll
    static void stop() {
        connection.close();
        server.close();
    }

    @Test
    void lineBreakInSetContentTypeIsRefused() throws Exception {
        MimeMessage message = Messages.valid();
        // With a charset given, Angus writes the type as it is; without one it re-formats it, dropping the CR LF.
        message.setContent("body", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\r\nX-Injected: 1\"");

        assertRefusedBeforeTheServer(message);
    }

    @Test
    void lineBreaksInADataSourceTypeAddNoPart() throws Exception {
        MimeMessage message = Messages.valid();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
        // No file name, and not text: Angus would otherwise re-format the type (adding name= or charset=).
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(
                data, "application/octet-stream; x=\"\r\n\r\n<html>evil.test</html>\r\nX-Injected: 1\"")));
        file.setDisposition("attachment");
        message.setContent(new MimeMultipart(text, file));

        assertRefusedBeforeTheServer(message);
    }

    @Test
    void validMessageStillGoesThrough() throws Exception {
        int before = server.messages().size();
        connection.send(Messages.valid());
        assertThat(server.awaitMessages(before + 1, Duration.ofSeconds(10))).hasSize(before + 1);
    }

    private static void assertRefusedBeforeTheServer(MimeMessage message) {
        int mailFrom = server.commandCount("MAIL");
        int messages = server.messages().size();

        InvalidMailException e = catchThrowableOfType(InvalidMailException.class, () -> connection.send(message));

        assertThat(server.messages().subList(messages, server.messages().size()))
                .as("what reached the server")
                .isEmpty();
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).contains("'billing'").doesNotContain("\r", "\n");
        assertThat(server.commandCount("MAIL")).as("MAIL FROM").isEqualTo(mailFrom);
    }
}
