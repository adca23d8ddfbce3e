package dev.mailwire.jca.postfix;

import dev.mailwire.SendResult;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.testkit.PooledMailer;
import dev.mailwire.jca.testkit.TextMessage;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.mail.internet.MimeMessage;

/** A managed connection factory and embedded pool pointed at a private Postfix with STARTTLS and AUTH. */
final class PostfixMailer extends PooledMailer {

    private final PrivatePostfix postfix;

    PostfixMailer(PrivatePostfix postfix, PoolSettings.Builder pool) {
        super(factory(postfix), pool);
        this.postfix = postfix;
    }

    /** Sends {@link #message} to the Postfix's {@code inbox} on a pooled connection. */
    SendResult sendToInbox(String subject) {
        return send(message(postfix, postfix.address("inbox"), subject));
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
        return TextMessage.of(postfix.address("sender"), to, subject, "Hello from a Mailwire test: " + subject + "\n");
    }
}
