package dev.mailwire.jca.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.jca.MailManagedConnectionFactory;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every invalid or unsafe setting is refused before any connection, naming the key and never the password. */
class InvalidSettingsNameTheKeyTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("host", f -> f.setHost(null)),
                bad("host", f -> f.setHost("  ")),
                bad("port", f -> f.setPort(0)),
                bad("port", f -> f.setPort(70000)),
                bad("tls", f -> f.setTls("SSL")),
                bad("tls", f -> {
                    f.setTls("NONE");
                    f.setHost("smtp.example.test");
                }),
                bad("allow-plaintext-auth", f -> {
                    f.setTls("NONE");
                    f.setHost("127.0.0.1");
                }),
                bad("password", f -> f.setPassword(null)),
                bad("auth-mechanisms", f -> f.setAuthMechanisms("CRAM-MD5")),
                bad("auth-mechanisms", f -> f.setAuthMechanisms("XOAUTH2 PLAIN")),
                bad("connect-timeout", f -> f.setConnectTimeout("10s")),
                bad("read-timeout", f -> f.setReadTimeout("PT0S")),
                bad("send-timeout", f -> f.setSendTimeout("-PT1S")),
                bad("trust-store", f -> f.setTrustStore("/nonexistent/trust.p12")),
                bad("session.mail.smtp.ssl.trust", f -> f.setSessionProperties("mail.smtp.ssl.trust=*")),
                bad(
                        "session.mail.smtp.ssl.checkserveridentity",
                        f -> f.setSessionProperties("mail.smtp.ssl.checkserveridentity=false")),
                bad(
                        "session.mail.smtp.starttls.required",
                        f -> f.setSessionProperties("mail.smtp.starttls.required=false")),
                bad("session.mail.smtp.timeout", f -> f.setSessionProperties("mail.smtp.timeout=-1")),
                bad(
                        "session.mail.smtp.socketFactory.fallback",
                        f -> f.setSessionProperties("mail.smtp.socketFactory.fallback=true")),
                bad("session.mail.smtp.ssl.protocols", f -> f.setSessionProperties("mail.smtp.ssl.protocols=TLSv1.1")),
                bad("session.mail.imap.host", f -> f.setSessionProperties("mail.imap.host=x")),
                bad("session", f -> f.setSessionProperties("novalue")),
                bad("session.mail.smtp.chunksize", f -> f.setSessionProperties("mail.smtp.chunksize=4096")),
                bad(
                        "session.mail.smtp.usesocketchannels",
                        f -> f.setSessionProperties("mail.smtp.usesocketchannels=true")),
                bad(
                        "session.mail.smtp.dsn.notify",
                        f -> f.setSessionProperties("mail.smtp.dsn.notify=NEVER\r\nRCPT TO:<x@evil.test>")),
                bad("overridable-settings", f -> f.setOverridableSettings("host, hots")));
    }

    private static Arguments bad(String key, Consumer<MailManagedConnectionFactory> change) {
        return Arguments.of(key, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedNamingTheKey(String key, Consumer<MailManagedConnectionFactory> change) {
        MailManagedConnectionFactory f = valid();
        change.accept(f);

        MailerConfigurationException e = catchThrowableOfType(MailerConfigurationException.class, f::validate);

        assertThat(e).as("expected a configuration error for " + key).isNotNull();
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.mailer()).isEqualTo("billing");
        assertThat(e.getMessage()).contains("'billing'").contains(key).doesNotContain("s3cret-pw");
    }

    static MailManagedConnectionFactory valid() {
        MailManagedConnectionFactory f = new MailManagedConnectionFactory();
        f.setMailerName("billing");
        f.setHost("smtp.example.test");
        f.setUsername("alice");
        f.setPassword("s3cret-pw");
        return f;
    }
}
