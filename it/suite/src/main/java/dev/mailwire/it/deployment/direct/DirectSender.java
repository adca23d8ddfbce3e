package dev.mailwire.it.deployment.direct;

import dev.mailwire.connector.MailConnection;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;

/** A stateless EJB that sends through the RAR's connection factory directly, one pooled connection per mail. */
@Stateless
public class DirectSender {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** Sends {@code count} mails as {@code mailer}; returns how many the server accepted. */
    public int send(String mailer, int count, String to, String subject) {
        ConnectionSettings settings = ConnectionSettings.of(mailer);
        for (int i = 0; i < count; i++) {
            sendOne(settings, to, subject + " " + i);
        }
        return count;
    }

    /** Sends {@code rounds} mails per mailer, taking turns, so each borrow follows one by another identity. */
    public int alternate(List<String> mailers, int rounds, String to) {
        List<ConnectionSettings> settings =
                mailers.stream().map(ConnectionSettings::of).toList();
        for (int i = 0; i < rounds; i++) {
            for (int m = 0; m < settings.size(); m++) {
                sendOne(settings.get(m), to, mailers.get(m) + " " + i);
            }
        }
        return rounds * mailers.size();
    }

    private static void sendOne(ConnectionSettings settings, String to, String subject) {
        try (MailConnection connection = settings.factory().getConnection(settings.spec())) {
            connection.send(message(settings.from(), to, subject));
        }
    }

    static MimeMessage message(String from, String to, String subject) {
        try {
            MimeMessage message = new MimeMessage(SESSION);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject);
            message.setText("Sent by the Mailwire integration suite.\n");
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build a test message", e);
        }
    }
}
