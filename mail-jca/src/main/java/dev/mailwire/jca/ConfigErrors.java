package dev.mailwire.jca;

import dev.mailwire.MailerConfigurationException;

/**
 * The wording of every configuration error the resource adapter raises, in one place so the error catalogue in
 * docs/errors.md stays true. Keys are the names of DESIGN §3 ({@code connect-timeout}); the CDI layer prefixes them
 * with {@code mailwire.mailer[.<name>].}.
 */
final class ConfigErrors {

    private ConfigErrors() {}

    static MailerConfigurationException missing(String mailer, String key) {
        return new MailerConfigurationException(
                mailer, key, "Mailer '" + mailer + "': the setting '" + key + "' is required but not set.");
    }

    static MailerConfigurationException invalid(String mailer, String key, String value, String expected) {
        return new MailerConfigurationException(
                mailer,
                key,
                "Mailer '" + mailer + "': the setting '" + key + "' has the invalid value '" + value + "'; expected "
                        + expected + ".");
    }

    static MailerConfigurationException refused(String mailer, String key, String why) {
        return new MailerConfigurationException(
                mailer, key, "Mailer '" + mailer + "': the setting '" + key + "' is refused: " + why);
    }

    /** Like {@link #invalid} for settings whose value must never be echoed. */
    static MailerConfigurationException unreadable(String mailer, String key, String why) {
        return new MailerConfigurationException(
                mailer, key, "Mailer '" + mailer + "': the setting '" + key + "' cannot be used: " + why);
    }
}
