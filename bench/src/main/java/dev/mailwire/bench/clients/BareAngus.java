package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * Angus Mail as a user would set it up without Mailwire: its defaults, plus only what it takes to reach the server
 * (STARTTLS required, AUTH, a socket factory trusting the test certificate). No TCP_NODELAY, no timeouts.
 */
final class BareAngus {

    private BareAngus() {}

    static Session session(Target t) {
        Properties p = new Properties();
        p.put("mail.smtp.host", t.host());
        p.put("mail.smtp.port", String.valueOf(t.port()));
        if (t.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.socketFactory", TrustedTls.context(t).getSocketFactory());
            p.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        p.put("mail.smtp.auth", String.valueOf(t.authenticates()));
        return Session.getInstance(p);
    }

    /** A new message per send, as an application builds one per mail. */
    static MimeMessage message(Session session, Payload payload) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(payload.from()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(payload.to()));
        m.setSubject(payload.subject());
        m.setText(payload.body(), "us-ascii");
        return m;
    }
}
