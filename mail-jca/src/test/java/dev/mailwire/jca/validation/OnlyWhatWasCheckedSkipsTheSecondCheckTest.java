package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.ValidatedMessage;
import dev.mailwire.jca.testkit.BareConnection;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link ValidatedMessage} spares Mailwire's own send path a second check, and vouches for nothing else: an
 * envelope recipient that was not checked with the message, or a connection that is not a Mailwire handle, gets the
 * full check (the header injection an unchecked recipient carries is refused before the server sees a command).
 */
@Timeout(30)
class OnlyWhatWasCheckedSkipsTheSecondCheckTest {

    @Test
    void checkedRecipientsAreSentWithoutASecondCheck() throws Exception {
        MimeMessage message = Messages.valid();
        Address[] to = message.getAllRecipients();
        ValidatedMessage checked = MessageValidator.validated(Messages.MAILER, message, to);
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                BareConnection bare = new BareConnection(Messages.MAILER, server);
                MailConnection connection = bare.open()) {

            SendResult result = checked.sendThrough(connection, to);

            assertThat(result.messageId()).isEqualTo(checked.messageId());
            assertThat(server.awaitMessages(1, Duration.ofSeconds(10))).hasSize(1);
        }
    }

    @Test
    void aRecipientAddedAfterTheCheckIsChecked() throws Exception {
        MimeMessage message = Messages.valid();
        ValidatedMessage checked = MessageValidator.validated(Messages.MAILER, message, message.getAllRecipients());
        InternetAddress smuggled = new InternetAddress();
        smuggled.setAddress("ada@example.org>\r\nRCPT TO:<victim@example.net");
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                BareConnection bare = new BareConnection(Messages.MAILER, server);
                MailConnection connection = bare.open()) {

            InvalidMailException e = catchThrowableOfType(
                    InvalidMailException.class, () -> checked.sendThrough(connection, new Address[] {smuggled}));

            assertThat(e).isNotNull();
            assertThat(e.field()).isEqualTo("recipient");
            assertThat(server.commandCount("RCPT")).isZero();
        }
    }

    @Test
    void aConnectionOtherThanMailwiresIsAskedToCheck() throws Exception {
        MimeMessage message = Messages.valid();
        Address[] to = message.getAllRecipients();
        ValidatedMessage checked = MessageValidator.validated(Messages.MAILER, message, to);
        RecordingConnection other = new RecordingConnection();

        checked.sendThrough(other, to);

        assertThat(other.sends).containsExactly("send(message, recipients)");
    }

    /** A MailConnection of someone else's making: it gets the plain send, which checks. */
    private static final class RecordingConnection implements MailConnection {
        final List<String> sends = new ArrayList<>();

        @Override
        public SendResult send(MimeMessage message) {
            sends.add("send(message)");
            return null;
        }

        @Override
        public SendResult send(MimeMessage message, Address[] recipients) {
            sends.add("send(message, recipients)");
            return null;
        }

        @Override
        public OptionalLong maxMessageSize() {
            return OptionalLong.empty();
        }

        @Override
        public void close() {}
    }
}
