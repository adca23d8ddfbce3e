package dev.mailwire.jca.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pass-through is kept as {@code key=value;key=value}: a spec value with a {@code ;} would add a setting the
 * operator's allow-list never let through (here the envelope sender). Refused, naming the key it came in.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpecValuesCannotSmuggleSettingsTest {

    @Test
    void semicolonInAPassThroughValueIsRefused() {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                OperatorFactory operator = new OperatorFactory()) {
            operator.mcf.setOverridableSettings(
                    operator.mcf.getOverridableSettings() + ", session.mail.smtp.localhost");
            MailConnectionSpec spec = AppSpec.ownIdentityAt(server)
                    .setting("session.mail.smtp.localhost", "app.example.test;mail.smtp.from=bounce@evil.test")
                    .build();

            assertThatThrownBy(() -> operator.send(spec))
                    .isInstanceOf(MailerConfigurationException.class)
                    .hasMessageContaining("'session.mail.smtp.localhost'");
            assertThat(server.messages()).isEmpty();
        }
    }
}
