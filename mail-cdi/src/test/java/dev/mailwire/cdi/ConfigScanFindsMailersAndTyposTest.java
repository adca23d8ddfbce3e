package dev.mailwire.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.config.ConfigScan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property names are sorted into mailers and keys, in dotted and in environment-variable form, whatever dots the
 * keys themselves hold; names that are no key are reported with the nearest key.
 */
class ConfigScanFindsMailersAndTyposTest {

    @Test
    void dottedNames() {
        ConfigScan scan = ConfigScan.scan(
                List.of(
                        "mailwire.mailer.host",
                        "mailwire.mailer.pool.max-size",
                        "mailwire.mailer.session.mail.smtp.localhost",
                        "mailwire.mailer.billing.pool.max-size",
                        "mailwire.mailer.billing.outbox.table",
                        "other.property",
                        "PATH"),
                Set.of());
        assertThat(scan.keysByMailer())
                .containsOnly(
                        Map.entry("<default>", Set.of("host", "pool.max-size", "session.mail.smtp.localhost")),
                        Map.entry("billing", Set.of("pool.max-size", "outbox.table")));
        assertThat(scan.unknown()).isEmpty();
    }

    @Test
    void environmentNames() {
        ConfigScan scan = ConfigScan.scan(
                List.of(
                        "MAILWIRE_MAILER_HOST",
                        "MAILWIRE_MAILER_SESSION_MAIL_SMTP_LOCALHOST",
                        "MAILWIRE_MAILER_BILLING_TRUST_STORE_PASSWORD",
                        "MAILWIRE_MAILER_MY_MAILER_POOL_MAX_SIZE"),
                Set.of("my-mailer"));
        assertThat(scan.keysByMailer())
                .containsOnly(
                        Map.entry("<default>", Set.of("host", "session.mail.smtp.localhost")),
                        Map.entry("billing", Set.of("trust-store-password")),
                        Map.entry("my-mailer", Set.of("pool.max-size")));
    }

    @Test
    void typosAreReportedWithTheNearestKey() {
        ConfigScan scan = ConfigScan.scan(
                List.of(
                        "mailwire.mailer.billing.host",
                        "mailwire.mailer.billing.pool.max-sise",
                        "mailwire.mailer.conect-timeout",
                        "mailwire.mailer.something-else-entirely",
                        "MAILWIRE_MAILER_BILLING_PROT"),
                Set.of());
        assertThat(scan.unknown())
                .containsExactlyInAnyOrder(
                        new ConfigScan.UnknownKey(
                                "MAILWIRE_MAILER_BILLING_PROT", Optional.of("MAILWIRE_MAILER_BILLING_PORT")),
                        new ConfigScan.UnknownKey(
                                "mailwire.mailer.billing.pool.max-sise",
                                Optional.of("mailwire.mailer.billing.pool.max-size")),
                        new ConfigScan.UnknownKey(
                                "mailwire.mailer.conect-timeout", Optional.of("mailwire.mailer.connect-timeout")),
                        new ConfigScan.UnknownKey("mailwire.mailer.something-else-entirely", Optional.empty()));
    }
}
