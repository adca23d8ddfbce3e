package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mailer;
import dev.mailwire.RecipientResult.Status;
import dev.mailwire.SendResult;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A part whose caller declared 8bit is read by the validator (its lines must fit RFC 5322's 998 octets). Its content
 * comes from a stream that gives its bytes once, as a servlet upload or a socket does: on every path (a bare JCA
 * connection, {@code Mailer.send(MimeMessage)} outside a transaction, and into the outbox inside one) the stream is
 * opened exactly once, and the bytes the server receives are the bytes that were checked.
 */
@Timeout(120)
class SingleUseContentIsReadOnceOnEveryPathTest {

    private static final String FIRST = "first line of the upload";
    private static final String SECOND = "second line, read once";
    private static final String CONTENT = FIRST + "\r\n" + SECOND + "\r\n";

    @RegisterExtension
    static final PostfixWithH2Outbox SERVERS = new PostfixWithH2Outbox();

    @Test
    void bareJcaConnection() throws Exception {
        SingleUseSource source = new SingleUseSource();
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                BareConnection connection = new BareConnection("billing", server)) {
            MimeMessage message = message("sender@example.org", "ada@example.org", source);

            SendResult result = connection.send(message);

            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            List<ReceivedMessage> received = server.awaitMessages(1, Duration.ofSeconds(10));
            assertThat(received.get(0).text()).contains(CONTENT);
        }
        assertThat(source.opened).as("times the stream was opened").hasValue(1);
    }

    @Test
    void mailerSendOutsideATransaction() throws Exception {
        SingleUseSource source = new SingleUseSource();
        SERVERS.postfix().clearObservations();
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            Mailer mailer = app.mailer();

            SendResult result = mailer.send(postfixMessage(source));

            assertThat(result.recipients().get(0).status()).isEqualTo(Status.DELIVERED);
            assertDelivered();
        }
        assertThat(source.opened).as("times the stream was opened").hasValue(1);
    }

    @Test
    void mailerSendIntoTheOutbox() throws Exception {
        SingleUseSource source = new SingleUseSource();
        SERVERS.postfix().clearObservations();
        try (OutboxApplication app = OutboxApplication.start(SERVERS)) {
            Mailer mailer = app.mailer();
            MimeMessage message = postfixMessage(source);

            Jta.inTransaction(() -> mailer.send(message));

            assertDelivered();
        }
        assertThat(source.opened).as("times the stream was opened").hasValue(1);
    }

    private static void assertDelivered() {
        DeliveredMessage delivered =
                SERVERS.postfix().awaitDelivered(1, Duration.ofSeconds(30)).get(0);
        // Maildir keeps LF line endings.
        assertThat(delivered.text()).contains(FIRST + "\n" + SECOND + "\n");
    }

    private static MimeMessage postfixMessage(SingleUseSource source) throws Exception {
        return message(SERVERS.postfix().address("app"), SERVERS.postfix().address("ada"), source);
    }

    private static MimeMessage message(String from, String to, SingleUseSource source) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(RecipientType.TO, new InternetAddress(to));
        message.setSubject("An upload, streamed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart upload = new MimeBodyPart();
        upload.setDataHandler(new DataHandler(source));
        upload.setFileName("upload.txt");
        upload.setHeader("Content-Transfer-Encoding", "8bit");
        message.setContent(new MimeMultipart(text, upload));
        return message;
    }

    /** A stream that can be opened once; a second open fails, as a consumed upload would. */
    private static final class SingleUseSource implements DataSource {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public InputStream getInputStream() throws IOException {
            if (opened.incrementAndGet() > 1) {
                throw new IOException("the upload was already read");
            }
            return new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "text/plain; charset=us-ascii";
        }

        @Override
        public String getName() {
            return "upload.txt";
        }
    }
}
