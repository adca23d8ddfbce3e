package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolSettings;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * Mailwire's JCA client view over the embedded pool, as an application without CDI uses it: a handle per send,
 * closed after it to return the connection.
 */
public final class MailwireJca implements Client {

    private final Payload payload;
    private final Session messageSession = Session.getInstance(new Properties());
    private final MailManagedConnectionFactory mcf;
    private final EmbeddedConnectionManager pool;
    private final MailConnectionFactory factory;

    MailwireJca(Target target, Payload payload, int threads) {
        this.payload = payload;
        this.mcf = configure(target);
        this.pool = new EmbeddedConnectionManager(
                mcf, PoolSettings.builder().mailer("bench").maxSize(threads).build());
        this.factory = (MailConnectionFactory) mcf.createConnectionFactory(pool);
    }

    public static MailManagedConnectionFactory configure(Target t) {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("bench");
        f.setHost(t.host());
        f.setPort(t.port());
        if (t.startTls()) {
            f.setTls("STARTTLS");
            f.setTrustStore(t.trustStore().toString());
            f.setTrustStorePassword(t.trustStorePassword());
            f.setTrustStoreType(t.trustStoreType());
            f.setUsername(t.username());
            f.setPassword(t.password());
        } else {
            f.setTls("NONE");
        }
        return f;
    }

    @Override
    public void send(int thread) throws Exception {
        try (MailConnection connection = factory.getConnection()) {
            connection.send(BareAngus.message(messageSession, payload));
        }
    }

    @Override
    public void close() {
        pool.close();
        mcf.close();
    }
}
