package dev.mailwire.jca.overrides;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the application servers' suites rely on (a definition that leaves the server to the applications): with the
 * default allow-list, a spec that brings its own server, trust store and identity sends through it, authenticated
 * as the application, never as the operator.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpecWithOwnIdentityMayChooseItsServerTest {

    @Test
    void ownServerWithOwnIdentityDelivers() {
        try (FakeSmtpServer appServer = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            MailConnectionSpec spec = AppSpec.ownIdentityAt(appServer).build();

            assertThat(operator.send(spec).allDelivered()).isTrue();
            assertThat(appServer.authIdentitiesPerConnection()).containsExactly(List.of(AppSpec.USER));
        }
    }
}
