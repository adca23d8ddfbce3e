package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** What Angus folds and encodes itself passes: the validator tells its folds from injected line breaks. */
class LegitimateMessagesPassTest {

    @Test
    void longNonAsciiSubjectFoldedByAngus() throws Exception {
        MimeMessage message = Messages.valid();
        message.setSubject("Grüße aus Köln — ".repeat(10) + "嘊嘍", "UTF-8");
        message.saveChanges();

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void longRecipientListFoldedByAngus() throws Exception {
        MimeMessage message = Messages.valid();
        InternetAddress[] to = new InternetAddress[20];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress("person" + i + "@example.org", "Person Ñumber " + i, "UTF-8");
        }
        message.setRecipients(RecipientType.TO, to);
        message.saveChanges();

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void nonAsciiDisplayNameAndAttachmentName() throws Exception {
        MimeMessage message = Messages.withAttachment(p -> p.setFileName("Rechnung für Jörg 嘊 ".repeat(5) + ".pdf"));
        message.setFrom(new InternetAddress("sender@example.org", "Jörg 嘊", "UTF-8"));
        message.saveChanges();

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void emptyGroupWithBccRecipients() throws Exception {
        MimeMessage message = Messages.valid();
        message.setHeader("To", "undisclosed-recipients:;");
        message.setRecipient(RecipientType.BCC, new InternetAddress("hidden@example.org"));

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, null));
    }

    @Test
    void explicitEnvelope() throws Exception {
        MimeMessage message = Messages.valid();
        Address[] envelope = {new InternetAddress("other@example.org")};

        assertThatNoException().isThrownBy(() -> MessageValidator.validate(Messages.MAILER, message, envelope));
    }
}
