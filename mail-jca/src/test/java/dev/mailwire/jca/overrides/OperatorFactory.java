package dev.mailwire.jca.overrides;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/**
 * The operator's connection definition as a shared server holds it: its own relay and its own credentials, which
 * applications use through connection specs.
 */
final class OperatorFactory implements AutoCloseable {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-secret-pw";

    final MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
    private EmbeddedConnectionManager pool;
    private MailConnectionFactory connections;

    OperatorFactory() {
        mcf.setMailerName("shared");
        mcf.setHost("relay.operator.test");
        mcf.setUsername(OPERATOR);
        mcf.setPassword(OPERATOR_PASSWORD);
        mcf.setConnectTimeout("PT2S");
        mcf.setReadTimeout("PT2S");
        mcf.setSendTimeout("PT5S");
    }

    /** The connection factory, made on first use so that a test can change the definition before. */
    MailConnectionFactory connections() {
        if (connections == null) {
            pool = new EmbeddedConnectionManager(
                    mcf, PoolSettings.builder().mailer("shared").maxSize(2).build());
            connections = (MailConnectionFactory) mcf.createConnectionFactory(pool);
        }
        return connections;
    }

    SendResult send(MailConnectionSpec spec) {
        try (MailConnection c = connections().getConnection(spec)) {
            return c.send(message());
        }
    }

    static MimeMessage message() {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("app@example.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.test"));
            m.setSubject("override test");
            m.setText("hello");
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        mcf.close();
    }
}
