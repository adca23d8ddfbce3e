package dev.mailwire.jca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.jca.settings.ConnectionSetting;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code mail.smtp.*} properties the {@link ConnectionSetting} table says a setting decides are the ones
 * {@link SessionFactory} sets (in some TLS mode and AUTH mechanism), and no {@code session.*} pass-through may set
 * them instead.
 */
class SmtpPropertiesOfSettingsAreMailwiresTest {

    @Test
    void sessionFactorySetsEachPropertyTheTableNames() {
        Set<String> set = new HashSet<>();
        try (DeadlineTimer timer = new DeadlineTimer("test-deadlines")) {
            for (String tls : new String[] {"STARTTLS", "IMPLICIT", "NONE"}) {
                for (String mechanisms : new String[] {"PLAIN LOGIN", "XOAUTH2"}) {
                    if (tls.equals("NONE") && mechanisms.equals("XOAUTH2")) {
                        continue; // refused at once (MWJCA-016): a bearer token never goes without TLS
                    }
                    MailManagedConnectionFactory f = new MailManagedConnectionFactory();
                    f.setHost("127.0.0.1");
                    f.setTls(tls);
                    f.setUsername("alice");
                    f.setPassword("secret");
                    f.setAllowPlaintextAuth(true);
                    f.setAuthMechanisms(mechanisms);
                    for (ConnectionSetting s : ConnectionSetting.values()) {
                        if (s.kind() == ConnectionSetting.Kind.STRING
                                && !s.smtpProperties().isEmpty()
                                && f.getValue(s) == null) {
                            f.setValue(s, "set-by-test"); // a free-text setting may decide a property only when set
                        }
                    }
                    set.addAll(new SessionFactory(MailSettings.of(f, null), timer)
                            .session()
                            .getProperties()
                            .stringPropertyNames());
                }
            }
        }
        for (ConnectionSetting s : ConnectionSetting.values()) {
            assertThat(set).as(s.key()).containsAll(s.smtpProperties());
        }
    }

    @Test
    void noPassThroughMaySetThem() {
        for (ConnectionSetting s : ConnectionSetting.values()) {
            for (String property : s.smtpProperties()) {
                assertThatThrownBy(() -> SessionPassThrough.parse("m", property + "=x"))
                        .as(property)
                        .isInstanceOf(MailerConfigurationException.class);
            }
        }
    }
}
