package dev.mailwire.jca.postfix;

import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** A managed connection factory and embedded pool pointed at a private Postfix with STARTTLS and AUTH. */
final class PostfixMailer implements AutoCloseable {

    private static final Session PLAIN = Session.getInstance(new Properties());

    final MailManagedConnectionFactory mcf;
    final EmbeddedConnectionManager pool;
    final MailConnectionFactory connections;

    PostfixMailer(PrivatePostfix postfix, PoolSettings.Builder pool) {
        mcf = factory(postfix);
        this.pool =
                new EmbeddedConnectionManager(mcf, pool.mailer("postfix-test").build());
        connections = (MailConnectionFactory) mcf.createConnectionFactory(this.pool);
    }

    static MailManagedConnectionFactory factory(PrivatePostfix postfix) {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("postfix-test");
        f.setHost(postfix.host());
        f.setPort(postfix.port());
        f.setTls("STARTTLS");
        f.setTrustStore(postfix.trustStore().toString());
        f.setTrustStorePassword(postfix.trustStorePassword());
        f.setTrustStoreType(postfix.trustStoreType());
        var user = postfix.users().entrySet().iterator().next();
        f.setUsername(user.getKey());
        f.setPassword(user.getValue());
        f.setSendTimeout("PT30S");
        return f;
    }

    static MimeMessage message(PrivatePostfix postfix, String to, String subject) {
        try {
            MimeMessage m = new MimeMessage(PLAIN);
            m.setFrom(new InternetAddress(postfix.address("sender")));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            m.setSubject(subject);
            m.setText("Hello from a Mailwire test: " + subject + "\n");
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
        mcf.close();
    }
}
