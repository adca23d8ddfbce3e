package dev.mailwire.jca.postfix;

import dev.mailwire.SendResult;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.testkit.PooledMailer;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.proxy.RecordingProxy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A pool of one connection to a private Postfix through a {@link RecordingProxy}, with pipelining on or off: the
 * client's writes during each send, as the wire saw them.
 */
final class ProxiedMailer implements AutoCloseable {

    /** What one send returned, and the client's writes (reads at the proxy) from its start to its end. */
    record Sent(SendResult result, RuntimeException failure, List<String> writes) {}

    private final RecordingProxy proxy;
    private final PooledMailer pooled;

    /** Over STARTTLS with AUTH (the main listener): the proxy sees TLS records. */
    static ProxiedMailer starttls(PrivatePostfix postfix, RecordingProxy proxy, boolean pipelining) {
        MailManagedConnectionFactory f = PostfixMailer.factory(postfix);
        return new ProxiedMailer(proxy, f, pipelining);
    }

    /** In plaintext without AUTH (Postfix's plain listener, tls=NONE): the proxy sees the SMTP commands. */
    static ProxiedMailer plaintext(PrivatePostfix postfix, RecordingProxy proxy, boolean pipelining) {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("postfix-test");
        f.setTls("NONE");
        f.setSendTimeout("PT30S");
        return new ProxiedMailer(proxy, f, pipelining);
    }

    private ProxiedMailer(RecordingProxy proxy, MailManagedConnectionFactory f, boolean pipelining) {
        this.proxy = proxy;
        f.setHost(proxy.host());
        f.setPort(proxy.port());
        f.setPipelining(pipelining);
        this.pooled = new PooledMailer(f, PoolSettings.builder().maxSize(1));
    }

    /** Sends on a connection that is already open (connected, secured, authenticated), counting only the send. */
    Sent send(MimeMessage message) {
        try (MailConnection c = pooled.connections.getConnection()) {
            int before = proxy.clientWrites();
            try {
                SendResult r = c.send(message);
                return new Sent(r, null, proxy.clientWritesSince(before));
            } catch (RuntimeException e) {
                return new Sent(null, e, proxy.clientWritesSince(before));
            }
        }
    }

    /** A handle on the pool's one connection, for a test that sends several mails on it. */
    MailConnection connection() {
        return pooled.connections.getConnection();
    }

    static MimeMessage message(PrivatePostfix postfix, String subject, String... to) {
        try {
            MimeMessage m = PostfixMailer.message(postfix, to[0], subject);
            for (int i = 1; i < to.length; i++) {
                m.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to[i]));
            }
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pooled.close();
    }
}
