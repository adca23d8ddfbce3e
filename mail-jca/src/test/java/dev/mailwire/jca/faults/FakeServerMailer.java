package dev.mailwire.jca.faults;

import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.testkit.PooledMailer;
import dev.mailwire.jca.testkit.TextMessage;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import jakarta.mail.internet.MimeMessage;

/** A mailer with short timeouts and a pool of one, pointed at a fault-injecting fake server. */
final class FakeServerMailer extends PooledMailer {

    static final String USER = "app";
    static final String PASSWORD = "app-secret-pw";

    FakeServerMailer(FakeSmtpServer server) {
        this(server, "PT1S", "PT3S");
    }

    FakeServerMailer(FakeSmtpServer server, String readTimeout, String sendTimeout) {
        super(factory(server, readTimeout, sendTimeout), PoolSettings.builder().maxSize(1));
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
}
