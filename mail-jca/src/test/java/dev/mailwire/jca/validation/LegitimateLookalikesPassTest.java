package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * What the new checks must let through: the bidi marks that right-to-left names need, RFC 2231 file names without
 * line breaks, long lines whose encoding Angus chooses (it picks quoted-printable), a caller's Message-ID kept over
 * saving.
 */
class LegitimateLookalikesPassTest {

    @Test
    void rightToLeftMarksInNames() throws Exception {
        MimeMessage message = Messages.withAttachment(p -> p.setFileName("חשבונית\u200F 2026.pdf"));
        message.setRecipient(RecipientType.TO, new InternetAddress("a@example.org", "דנה\u200F (IT)", "UTF-8"));
        message.setFrom(new InternetAddress("sender@example.org", "Support\u200E عربي", "UTF-8"));

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void rfc2231FileNameWithoutLineBreaks() throws Exception {
        MimeMessage message = Messages.withAttachment(p ->
                p.setHeader("Content-Disposition", "attachment; filename*=UTF-8''Rechnung%20f%C3%BCr%20J%C3%B6rg.pdf"));

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void longLineLeftToAngusIsEncoded() throws Exception {
        MimeMessage message = Messages.valid();
        message.setText("x".repeat(5000), "UTF-8");

        MessageValidator.validate(Messages.MAILER, message, null);

        assertThat(message.getEncoding()).isEqualTo("quoted-printable");
    }

    @Test
    void eightBitLinesWithinTheLimit() throws Exception {
        MimeMessage message = Messages.valid();
        message.setText(("é".repeat(499) + "\n").repeat(3), "UTF-8");
        message.setHeader("Content-Transfer-Encoding", "8bit");

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void callersMessageIdKeptOverSaving() throws Exception {
        MimeMessage message = Messages.valid();
        message.setHeader("Message-ID", "<mine@example.org>");

        String id = MessageValidator.validate(Messages.MAILER, message, null);

        assertThat(id).isEqualTo("<mine@example.org>");
        assertThat(message.getMessageID()).isEqualTo("<mine@example.org>");
    }
}
