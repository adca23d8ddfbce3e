package dev.mailwire.jca.testkit;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import jakarta.mail.internet.MimeMessage;

/**
 * A configured managed connection factory behind an embedded pool of its own (named after the factory's mailer), and
 * the connection factory an application would get from them: what every mail-jca test that sends through the pool
 * sets up. Closing it closes the pool first, then the factory, as an application's undeployment does.
 */
public class PooledMailer implements AutoCloseable {

    public final MailManagedConnectionFactory mcf;
    public final EmbeddedConnectionManager pool;
    public final MailConnectionFactory connections;

    public PooledMailer(MailManagedConnectionFactory mcf, PoolSettings.Builder pool) {
        this.mcf = mcf;
        this.pool = new EmbeddedConnectionManager(
                mcf, pool.mailer(mcf.getMailerName()).build());
        this.connections = (MailConnectionFactory) mcf.createConnectionFactory(this.pool);
    }

    /** Sends on a pooled connection, handing it back to the pool afterwards. */
    public SendResult send(MimeMessage message) {
        try (MailConnection c = connections.getConnection()) {
            return c.send(message);
        }
    }

    @Override
    public void close() {
        pool.close();
        mcf.close();
    }
}
