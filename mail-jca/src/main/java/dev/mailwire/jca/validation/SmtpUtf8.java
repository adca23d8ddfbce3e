package dev.mailwire.jca.validation;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Enumeration;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Which messages are internationalized (RFC 6531, RFC 6532): written as UTF-8, and holding a non-ASCII local part
 * in the envelope or a header, so that they may be sent only with SMTPUTF8. Every other message is ASCII on the wire
 * and is sent exactly as before.
 */
public final class SmtpUtf8 {

    /** The session property that makes Angus write headers, and SMTP commands, as UTF-8. */
    public static final String ALLOW_UTF8 = "mail.mime.allowutf8";

    private SmtpUtf8() {}

    /**
     * Whether {@code message} is written as UTF-8. Only then may it hold non-ASCII: otherwise Angus keeps the low
     * byte of each character of a raw header (CVE-2025-7962).
     */
    public static boolean writtenAsUtf8(MimeMessage message) {
        Session session = message.getSession();
        return session != null && Boolean.parseBoolean(session.getProperty(ALLOW_UTF8));
    }

    /**
     * Whether sending {@code message} to {@code recipients} needs SMTPUTF8: a non-ASCII character in a recipient, in
     * the envelope sender, or in a top-level header (which the validator allows only in an address's local part).
     */
    public static boolean required(MimeMessage message, Address[] recipients) throws MessagingException {
        for (Address a : recipients) {
            if (a instanceof InternetAddress internet && Text.hasNonAscii(String.valueOf(internet.getAddress()))) {
                return true;
            }
        }
        if (message instanceof SMTPMessage smtp
                && smtp.getEnvelopeFrom() != null
                && Text.hasNonAscii(smtp.getEnvelopeFrom())) {
            return true;
        }
        Enumeration<Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            if (Text.hasNonAscii(headers.nextElement().getValue())) {
                return true;
            }
        }
        return false;
    }
}
