package dev.mailwire.it.reliability.input;

import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;

/** The bare JCA entry path, with no mailer around it: a {@link MailConnection} from a pool of one. */
final class BareConnection implements AutoCloseable {

    private final MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
    private final EmbeddedConnectionManager pool;
    private final MailConnectionFactory connections;

    BareConnection(FakeSmtpServer server) {
        mcf.setMailerName("bare");
        mcf.setHost(server.host());
        mcf.setPort(server.port());
        mcf.setTrustStore(server.trustStore().toString());
        mcf.setTrustStorePassword(server.trustStorePassword());
        mcf.setTrustStoreType(server.trustStoreType());
        mcf.setUsername("app");
        mcf.setPassword("app-secret");
        mcf.setConnectTimeout("PT2S");
        mcf.setReadTimeout("PT5S");
        mcf.setSendTimeout("PT10S");
        pool = new EmbeddedConnectionManager(
                mcf, PoolSettings.builder().mailer("bare").maxSize(1).build());
        connections = (MailConnectionFactory) mcf.createConnectionFactory(pool);
    }

    void send(MimeMessage message) {
        try (MailConnection c = connections.getConnection()) {
            c.send(message);
        }
    }

    @Override
    public void close() {
        pool.close();
        mcf.close();
    }
}
