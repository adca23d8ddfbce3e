package dev.mailwire.jca.settings;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mailwire.jca.MailManagedConnectionFactory;
import org.junit.jupiter.api.Test;

/** The defaults are valid, and harmless pass-through properties are accepted. */
class SafeSettingsAreAcceptedTest {

    @Test
    void defaultsWithHostAndCredentialsAreValid() {
        assertThatCode(InvalidSettingsNameTheKeyTest.valid()::validate).doesNotThrowAnyException();
    }

    @Test
    void plainLoopbackRelayWithoutAuthIsValid() {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setHost("127.0.0.1");
        f.setTls("NONE");
        assertThatCode(f::validate).doesNotThrowAnyException();
    }

    @Test
    void harmlessPassThroughIsAccepted() {
        MailManagedConnectionFactory f = InvalidSettingsNameTheKeyTest.valid();
        f.setSessionProperties("mail.smtp.localhost=app1.example.test; mail.smtp.dsn.notify=NEVER");
        assertThatCode(f::validate).doesNotThrowAnyException();
    }

    @Test
    void xoauth2WithATokenSupplierNeedsNoPassword() {
        MailManagedConnectionFactory f = InvalidSettingsNameTheKeyTest.valid();
        f.setPassword(null);
        f.setAuthMechanisms("XOAUTH2");
        f.setTokenSupplier(() -> "token");
        assertThatCode(f::validate).doesNotThrowAnyException();
    }
}
