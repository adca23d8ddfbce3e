package dev.mailwire.jca.testkit;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** The plain-text message the mail-jca tests send when what it says does not matter, only that it arrives. */
public final class TextMessage {

    /** No mail.* property: the adapter's session, not this one, decides how the message is sent. */
    private static final Session PLAIN = Session.getInstance(new Properties());

    private TextMessage() {}

    public static MimeMessage of(String from, String to, String subject, String text) {
        try {
            MimeMessage m = new MimeMessage(PLAIN);
            m.setFrom(new InternetAddress(from));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject);
            m.setText(text);
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
