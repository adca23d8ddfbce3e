package dev.mailwire.jca.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a spec may override at all is the operator's choice (the definition's {@code OverridableSettings}): a key
 * outside it is refused with its name and the property to change, before any connection is made.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OverridesOutsideTheAllowListAreRefusedTest {

    @Test
    void theDefaultKeepsPassThroughAndPlaintextAuthToTheOperator() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            assertThatThrownBy(() -> operator.send(AppSpec.ownIdentityAt(server)
                            .setting("session.mail.smtp.from", "bounce@evil.test")
                            .build()))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'session.mail.smtp.from'")
                    .hasMessageContaining("overridable-settings");
            assertThatThrownBy(() -> operator.send(AppSpec.ownIdentityAt(server)
                            .setting("allow-plaintext-auth", "true")
                            .build()))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'allow-plaintext-auth'");
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void noneAllowsNothingEvenWithOwnIdentity() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            operator.mcf.setOverridableSettings("none");
            assertThatThrownBy(() -> operator.send(AppSpec.ownIdentityAt(server).build()))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'host'")
                    .hasMessageContaining("now: none");
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void listedPassThroughKeysAreAccepted() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            operator.mcf.setOverridableSettings(operator.mcf.getOverridableSettings() + ", session.*");
            assertThat(operator.send(AppSpec.ownIdentityAt(server)
                                    .setting("session.mail.smtp.localhost", "app.example.test")
                                    .build())
                            .allDelivered())
                    .isTrue();
        }
    }

    @Test
    void identityKeysAreNoSettings() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            assertThatThrownBy(() -> operator.send(AppSpec.ownIdentityAt(server)
                            .setting("password", "x")
                            .build()))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'password'")
                    .hasMessageContaining("identity");
        }
    }

    @Test
    void anUnknownKeyInTheAllowListFailsTheDefinition() {
        try (OperatorFactory operator = new OperatorFactory()) {
            operator.mcf.setOverridableSettings("host, hots");
            assertThatThrownBy(operator::connections)
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'overridable-settings'")
                    .hasMessageContaining("'hots'");
        }
    }
}
