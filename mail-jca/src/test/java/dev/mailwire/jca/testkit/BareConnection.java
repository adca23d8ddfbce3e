package dev.mailwire.jca.testkit;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;

/**
 * The bare JCA path, with no mailer around it: a {@link MailConnection} from a pool of one, pointed at the
 * in-process fake server (which accepts any credentials). Published in mailwire-jca's test-jar, so the mail-cdi
 * tests and the reliability suite drive the same path the mail-jca tests do.
 */
public final class BareConnection implements AutoCloseable {

    private final PooledMailer pooled;

    public BareConnection(String mailer, FakeSmtpServer server) {
        MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
        mcf.setMailerName(mailer);
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
        pooled = new PooledMailer(mcf, PoolSettings.builder().maxSize(1));
    }

    /** A handle of the pool's one connection; close it before the next. */
    public MailConnection open() {
        return pooled.connections.getConnection();
    }

    public SendResult send(MimeMessage message) {
        return pooled.send(message);
    }

    @Override
    public void close() {
        pooled.close();
    }
}
