package dev.mailwire.jca.faults;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** A mailer with short timeouts and a pool of one, pointed at a fault-injecting fake server. */
final class FakeServerMailer implements AutoCloseable {

    static final String USER = "app";
    static final String PASSWORD = "app-secret-pw";

    final MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
    final EmbeddedConnectionManager pool;
    final MailConnectionFactory connections;

    FakeServerMailer(FakeSmtpServer server) {
        this(server, "PT1S", "PT3S");
    }

    FakeServerMailer(FakeSmtpServer server, String readTimeout, String sendTimeout) {
        mcf.setMailerName("faults");
        mcf.setHost(server.host());
        mcf.setPort(server.port());
        mcf.setTrustStore(server.trustStore().toString());
        mcf.setTrustStorePassword(server.trustStorePassword());
        mcf.setTrustStoreType(server.trustStoreType());
        mcf.setUsername(USER);
        mcf.setPassword(PASSWORD);
        mcf.setConnectTimeout("PT1S");
        mcf.setReadTimeout(readTimeout);
        mcf.setSendTimeout(sendTimeout);
        pool = new EmbeddedConnectionManager(
                mcf, PoolSettings.builder().mailer("faults").maxSize(1).build());
        connections = (MailConnectionFactory) mcf.createConnectionFactory(pool);
    }

    SendResult send(MimeMessage message) {
        try (MailConnection c = connections.getConnection()) {
            return c.send(message);
        }
    }

    static MimeMessage message(String text) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("app@example.test"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.test"));
            m.setSubject("fault test");
            m.setText(text);
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
