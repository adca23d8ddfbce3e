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
            MailConnectionSpec spec = MailConnectionSpec.builder()
                    .username("app-user")
                    .password("app-pw".toCharArray())
                    .setting("host", appServer.host())
                    .setting("port", String.valueOf(appServer.port()))
                    .setting("trust-store", appServer.trustStore().toString())
                    .setting("trust-store-password", appServer.trustStorePassword())
                    .setting("trust-store-type", appServer.trustStoreType())
                    .build();

            assertThat(operator.send(spec).allDelivered()).isTrue();
            assertThat(appServer.authIdentitiesPerConnection()).containsExactly(List.of("app-user"));
        }
    }
}
