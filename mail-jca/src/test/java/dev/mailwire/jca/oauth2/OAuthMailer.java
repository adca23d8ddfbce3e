package dev.mailwire.jca.oauth2;

import dev.mailwire.SendResult;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.PoolSettings;
import dev.mailwire.jca.testkit.PooledMailer;
import dev.mailwire.jca.testkit.TextMessage;
import dev.mailwire.test.smtp.oauth.ClientKeyStore;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.mail.internet.MimeMessage;

/**
 * A managed connection factory with the adapter's own OAuth2 client, and its embedded pool, pointed at the shared
 * OAuth2 stack: Keycloak issues the tokens, Dovecot checks them for Postfix.
 */
final class OAuthMailer extends PooledMailer {

    final OAuthStack stack = OAuthStack.shared();

    /** Client credentials of {@code clientId}, authenticating as its service account. */
    OAuthMailer(String clientId, String secret, PoolSettings.Builder pool) {
        this(factory(OAuthStack.shared(), clientId, secret), pool);
    }

    OAuthMailer(MailManagedConnectionFactory mcf, PoolSettings.Builder pool) {
        super(mcf, pool);
    }

    static MailManagedConnectionFactory factory(OAuthStack stack, String clientId, String secret) {
        PrivatePostfix postfix = stack.postfix();
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("oauth-" + clientId);
        f.setHost(postfix.host());
        f.setPort(postfix.port());
        f.setTls("STARTTLS");
        f.setTrustStore(postfix.trustStore().toString());
        f.setTrustStorePassword(postfix.trustStorePassword());
        f.setTrustStoreType(postfix.trustStoreType());
        f.setUsername(OAuthStack.serviceAccount(clientId));
        f.setAuthMechanisms("XOAUTH2");
        f.setOauth2TokenEndpoint(stack.tokenEndpoint("mail"));
        f.setOauth2ClientId(clientId);
        f.setOauth2ClientSecret(secret);
        f.setSendTimeout("PT30S");
        return f;
    }

    /**
     * Client credentials of the stack's {@code client-jwt} client, authenticated by a client assertion signed with
     * the key in {@code keyStore} (the stack's own: Keycloak has its certificate; another: Keycloak does not).
     */
    static MailManagedConnectionFactory assertionFactory(OAuthStack stack, ClientKeyStore keyStore) {
        MailManagedConnectionFactory f = factory(stack, stack.jwtClientId(), null);
        f.setOauth2ClientAssertionKeyStore(keyStore.file().toString());
        f.setOauth2ClientAssertionKeyStorePassword(ClientKeyStore.PASSWORD);
        return f;
    }

    SendResult send(String subject) {
        return send(message(subject));
    }

    MimeMessage message(String subject) {
        PrivatePostfix postfix = stack.postfix();
        return TextMessage.of(
                postfix.address("sender"),
                postfix.address("inbox"),
                subject,
                "Hello from a Mailwire OAuth2 test: " + subject + "\n");
    }
}
