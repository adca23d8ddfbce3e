package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.security.PasswordCredential;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/**
 * Payara answers a lookup by global name (res-auth Container) with a credential built from the pool's own
 * {@code Username} property and no password. With the adapter's OAuth2 client that user is the factory's OAuth2
 * identity: its secret is a token from the issuer, never the credential's empty password (which was sent as the
 * bearer token, and refused, before this). A credential for another user still wins, as for passwords.
 */
class PoolsOwnUserCredentialKeepsTheOAuth2IdentityTest {

    @Test
    void theFactorysOwnUserWithoutPasswordAuthenticatesWithTokens() {
        MailManagedConnectionFactory f = oauth2Factory();
        try {
            Identity identity = f.identity(subject(f, "service-account-smtp-client", ""), null);

            assertThat(identity.user()).isEqualTo("service-account-smtp-client");
            assertThat(identity.tokenSource()).as("the adapter's token source").isNotNull();
        } finally {
            f.close();
        }
    }

    @Test
    void anotherUsersCredentialStillWins() {
        MailManagedConnectionFactory f = oauth2Factory();
        try {
            Identity identity = f.identity(subject(f, "someone-else", "pw"), null);

            assertThat(identity.user()).isEqualTo("someone-else");
            assertThat(identity.tokenSource()).isNull();
        } finally {
            f.close();
        }
    }

    private static MailManagedConnectionFactory oauth2Factory() {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("oauth2");
        f.setHost("127.0.0.1");
        f.setTls("STARTTLS");
        f.setUsername("service-account-smtp-client");
        // Nothing listens there, and nothing is fetched: identity() only chooses who authenticates.
        f.setOauth2TokenEndpoint("http://127.0.0.1:9/token");
        f.setOauth2ClientId("smtp-client");
        f.setOauth2ClientSecret("not-used");
        return f;
    }

    private static Subject subject(MailManagedConnectionFactory f, String user, String password) {
        PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
        credential.setManagedConnectionFactory(f);
        Subject subject = new Subject();
        subject.getPrivateCredentials().add(credential);
        return subject;
    }
}
