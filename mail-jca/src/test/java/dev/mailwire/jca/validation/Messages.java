package dev.mailwire.jca.validation;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/** Builds test messages the way a caller could, through Angus's raw setters. */
final class Messages {

    static final String MAILER = "billing";

    private Messages() {}

    /** A valid message: From, To, Subject, a text body. */
    static MimeMessage valid() throws MessagingException {
        return valid(false);
    }

    /**
     * A valid message; with {@code utf8}, one written as UTF-8 (RFC 6532) from and to {@code jörg@example.test}, as
     * Mailwire renders a mail that needs SMTPUTF8.
     */
    static MimeMessage valid(boolean utf8) throws MessagingException {
        Properties properties = new Properties();
        if (utf8) {
            properties.setProperty(SmtpUtf8.ALLOW_UTF8, "true");
        }
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(utf8 ? "j\u00f6rg@example.test" : "sender@example.org"));
        message.setRecipient(
                RecipientType.TO, new InternetAddress(utf8 ? "j\u00f6rg@example.test" : "ada@example.org"));
        message.setSubject("Hello", "UTF-8");
        message.setText("Hi Ada", "UTF-8");
        return message;
    }

    /** A valid message whose second part is an attachment, customised by {@code attachment}. */
    static MimeMessage withAttachment(PartCustomizer attachment) throws MessagingException {
        return withAttachment(false, attachment);
    }

    /** As {@link #withAttachment(PartCustomizer)}, written as UTF-8 with {@code utf8}. */
    static MimeMessage withAttachment(boolean utf8, PartCustomizer attachment) throws MessagingException {
        MimeMessage message = valid(utf8);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setText("content", "UTF-8");
        attachment.customize(file);
        message.setContent(new MimeMultipart(text, file));
        return message;
    }

    @FunctionalInterface
    interface MessageCustomizer {
        void customize(MimeMessage message) throws Exception;
    }

    @FunctionalInterface
    interface PartCustomizer {
        void customize(MimeBodyPart part) throws MessagingException;
    }
}
