package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.simplejavamail.mailer.internal.MailerRegularBuilderImpl;

/**
 * Simple Java Mail with its batch-module connection pool (on the class path, it pools the synchronous sends too),
 * sized to the thread count; everything else at its defaults (address validation with jmail included).
 */
final class SimpleJavaMailPool implements Client {

    private final Payload payload;
    private final Mailer mailer;

    SimpleJavaMailPool(Target t, Payload payload, int threads) {
        this.payload = payload;
        MailerRegularBuilderImpl b = t.authenticates()
                ? MailerBuilder.withSMTPServer(t.host(), t.port(), t.username(), t.password())
                : MailerBuilder.withSMTPServer(t.host(), t.port());
        if (t.startTls()) {
            // SMTP_TLS: STARTTLS required. Its sslHostsToTrust would build an SSL context per connection.
            b.withTransportStrategy(TransportStrategy.SMTP_TLS)
                    .withCustomSSLFactoryInstance(TrustedTls.context(t).getSocketFactory());
        } else {
            b.withTransportStrategy(TransportStrategy.SMTP);
        }
        this.mailer = b.withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(threads)
                .withThreadPoolSize(threads)
                .buildMailer();
    }

    @Override
    public void send(int thread) throws Exception {
        mailer.sendMail(EmailBuilder.startingBlank()
                        .from(payload.from())
                        .to(payload.to())
                        .withSubject(payload.subject())
                        .withPlainText(payload.body())
                        .buildEmail())
                .get();
    }

    @Override
    public void close() throws Exception {
        mailer.shutdownConnectionPool().get();
    }
}
