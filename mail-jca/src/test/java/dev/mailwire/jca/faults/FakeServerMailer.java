package dev.mailwire.jca.faults;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.testkit.PooledMailer;
import dev.mailwire.jca.testkit.TextMessage;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A mailer with short timeouts and a pool of one, pointed at a fault-injecting fake server: over STARTTLS with AUTH,
 * or in {@link #plaintext} where a test reads the fake's wire counters (over TLS the fake cannot see what the client
 * wrote behind a record it has not decrypted yet).
 */
final class FakeServerMailer extends PooledMailer {

    static final String USER = "app";
    static final String PASSWORD = "app-secret-pw";

    FakeServerMailer(FakeSmtpServer server) {
        this(server, "PT1S", "PT3S");
    }

    FakeServerMailer(FakeSmtpServer server, String readTimeout, String sendTimeout) {
        this(factory(server, readTimeout, sendTimeout));
    }

    private FakeServerMailer(MailManagedConnectionFactory mcf) {
        super(mcf, PoolSettings.builder().maxSize(1));
    }

    /**
     * Without TLS and without credentials (tls=NONE), for a fake built with {@code startTls(false)}, which then
     * offers no AUTH either.
     */
    static FakeServerMailer plaintext(FakeSmtpServer server) {
        MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
        mcf.setMailerName("faults");
        mcf.setHost(server.host());
        mcf.setPort(server.port());
        mcf.setTls("NONE");
        mcf.setConnectTimeout("PT1S");
        mcf.setReadTimeout("PT1S");
        mcf.setSendTimeout("PT3S");
        return new FakeServerMailer(mcf);
    }

    private static MailManagedConnectionFactory factory(FakeSmtpServer server, String readTimeout, String sendTimeout) {
        MailManagedConnectionFactory mcf = new MailManagedConnectionFactory();
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
        return mcf;
    }

    static MimeMessage message(String text) {
        return TextMessage.of("app@example.test", "alice@example.test", "fault test", text);
    }

    /** The envelope recipients of a {@link #message}, for the sends that take them explicitly. */
    static Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
