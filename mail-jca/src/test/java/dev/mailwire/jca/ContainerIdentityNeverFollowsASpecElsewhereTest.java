package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.connector.MailConnectionSpec;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.security.PasswordCredential;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

/**
 * A container-managed credential wins over the spec's identity, so a spec that names another server is refused
 * even when it carries a user of its own: the container's password would be the one sent. Checked at matching,
 * as servers' pools do on a borrow, before any connection exists.
 */
class ContainerIdentityNeverFollowsASpecElsewhereTest {

    @Test
    void containerCredentialWithAnotherHostIsRefused() {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("container");
        f.setHost("relay.operator.test");
        try {
            PasswordCredential container = new PasswordCredential("container-user", "container-pw".toCharArray());
            container.setManagedConnectionFactory(f);
            Subject subject = new Subject();
            subject.getPrivateCredentials().add(container);
            MailConnectionSpec spec = MailConnectionSpec.builder()
                    .username("app-user")
                    .password("app-pw".toCharArray())
                    .setting("host", "smtp.app.test")
                    .build();

            Throwable thrown = catchThrowable(
                    () -> f.matchManagedConnections(Set.of(), subject, new MailConnectionRequestInfo(spec)));

            assertThat(thrown).isInstanceOf(ResourceException.class);
            assertThat(thrown.getCause())
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'host'")
                    .hasMessageContaining("own identity")
                    .hasMessageNotContaining("container-pw");
        } finally {
            f.close();
        }
    }
}
