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
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setRecipient(RecipientType.TO, new InternetAddress("ada@example.org"));
        message.setSubject("Hello", "UTF-8");
        message.setText("Hi Ada", "UTF-8");
        return message;
    }

    /** A valid message whose second part is an attachment, customised by {@code attachment}. */
    static MimeMessage withAttachment(PartCustomizer attachment) throws MessagingException {
        MimeMessage message = valid();
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
