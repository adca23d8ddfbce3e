package dev.mailwire.cdi.internal.render;

import dev.mailwire.Mail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

/** Renders test mails and reads them back as a receiver would. */
final class Rendering {

    static final String MAILER = "billing";
    static final Session SESSION = Session.getInstance(new Properties());

    private Rendering() {}

    static MailRenderer renderer() {
        return new MailRenderer(MAILER, "Billing <billing@example.org>", null);
    }

    static StableIdMessage render(Mail mail) {
        return renderer().render(mail, SESSION);
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The message as the receiving side parses it. */
    static MimeMessage received(MimeMessage message) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message)));
    }

    static Mail.Builder mail() {
        return Mail.builder().to("ada@example.org");
    }
}
