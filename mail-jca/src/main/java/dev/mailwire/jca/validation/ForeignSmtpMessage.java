package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.internet.MimeMessage;
import java.security.CodeSource;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Refuses an Angus {@link SMTPMessage} that is not the adapter's: one whose class, or a superclass, is named
 * {@code org.eclipse.angus.mail.smtp.SMTPMessage} but came from another class loader, because the application bundles
 * its own angus-mail (in {@code WEB-INF/lib}, say). The adapter's transport reads the envelope options (envelope
 * sender, DSN, MAIL FROM extension, submitter) through its own SMTPMessage class, to which such a message is a plain
 * MimeMessage: it would go out with its From address as bounce address and without its DSN requests, and nobody would
 * be told. Angus's own {@code instanceof} checks in SMTPTransport fail the same way, so only a refusal is safe.
 */
final class ForeignSmtpMessage {

    private static final String NAME = SMTPMessage.class.getName();

    private ForeignSmtpMessage() {}

    static void check(String mailer, MimeMessage message) {
        for (Class<?> type = message.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(NAME)) {
                if (type != SMTPMessage.class) {
                    throw Problems.of(JcaMessages.FOREIGN_SMTP_MESSAGE, mailer, "message", origin(type));
                }
                return;
            }
        }
    }

    /** Where the other class came from, so that the operator finds the jar to remove: its jar, else its loader. */
    private static String origin(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                return Problems.escape(source.getLocation().toString());
            }
        } catch (SecurityException e) {
            // No permission to ask for the code source: the class loader still tells which application it is.
        }
        return Problems.escape(String.valueOf(type.getClassLoader()));
    }
}
