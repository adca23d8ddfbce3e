package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * An Angus {@link SMTPMessage} carries values that go into SMTP commands rather than into the message: the envelope
 * sender (MAIL FROM), a MAIL FROM extension appended as is, and the AUTH= submitter. A line break there would be a
 * command injection, so they are checked like the envelope recipients.
 */
final class SmtpEnvelopeOptions {

    private SmtpEnvelopeOptions() {}

    static void check(String mailer, MimeMessage message) {
        if (!(message instanceof SMTPMessage smtp)) {
            return;
        }
        if (smtp.getEnvelopeFrom() != null && !smtp.getEnvelopeFrom().isEmpty()) {
            checkCommandText(mailer, "envelope from", smtp.getEnvelopeFrom());
        }
        if (smtp.getMailExtension() != null) {
            checkCommandText(mailer, "mail extension", smtp.getMailExtension());
        }
        if (smtp.getSubmitter() != null) {
            checkCommandText(mailer, "submitter", smtp.getSubmitter());
        }
    }

    /** Printable ASCII and spaces only: anything else could end or corrupt the SMTP command line. */
    private static void checkCommandText(String mailer, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw Problems.invalid(
                        JcaMessages.LINE_BREAK_OR_CONTROL,
                        mailer,
                        field,
                        value,
                        Text.reasonAt(value, i) + " (it goes into an SMTP command)");
            }
        }
    }
}
