package dev.mailwire.jca.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The audit's probe (issue 11, finding 2): an application's spec that names its own server, without TLS and with
 * plaintext AUTH allowed, but no identity of its own. The operator's credentials must never reach that server: the
 * request is refused, naming the setting, before any connection is made, even where the operator lets applications
 * override those settings.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpecCannotSendOperatorCredentialsElsewhereTest {

    @Test
    void redirectWithoutOwnIdentityIsRefusedBeforeAnyConnect() {
        try (FakeSmtpServer appServer = FakeSmtpServer.builder()
                        .startTls(false)
                        .authBeforeTls(true)
                        .start();
                OperatorFactory operator = new OperatorFactory()) {
            operator.mcf.setOverridableSettings("host, port, tls, allow-plaintext-auth");
            MailConnectionSpec spec = MailConnectionSpec.builder()
                    .setting("host", "127.0.0.1")
                    .setting("port", String.valueOf(appServer.port()))
                    .setting("tls", "NONE")
                    .setting("allow-plaintext-auth", "true")
                    .build();

            Throwable thrown = catchThrowable(() -> operator.send(spec));

            assertThat(appServer.authIdentitiesPerConnection().stream()
                            .flatMap(List::stream)
                            .toList())
                    .as("identities the application's server received")
                    .doesNotContain(OperatorFactory.OPERATOR);
            assertThat(appServer.connectionCount()).isZero();
            assertThat(thrown)
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'host'")
                    .hasMessageContaining("its own identity")
                    .hasMessageNotContaining(OperatorFactory.OPERATOR_PASSWORD);
        }
    }
}
