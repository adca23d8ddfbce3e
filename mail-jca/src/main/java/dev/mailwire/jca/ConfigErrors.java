package dev.mailwire.jca;

import dev.mailwire.MailerConfigurationException;

/**
 * Builds the configuration errors of the resource adapter from their wording in {@link JcaMessages}. Keys are the
 * names of DESIGN §3 ({@code connect-timeout}); the CDI layer prefixes them with {@code mailwire.mailer[.<name>].}.
 */
final class ConfigErrors {

    private ConfigErrors() {}

    static MailerConfigurationException missing(String mailer, String key) {
        return refused(JcaMessages.SETTING_MISSING, mailer, key);
    }

    static MailerConfigurationException invalid(String mailer, String key, String value, String expected) {
        return refused(JcaMessages.INVALID_VALUE, mailer, key, value, expected);
    }

    /**
     * The error {@code message} about the setting {@code key}; its template takes the mailer, the key, then
     * {@code more}. A setting whose value is a secret never passes its value here.
     */
    static MailerConfigurationException refused(JcaMessages message, String mailer, String key, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = mailer;
        args[1] = key;
        System.arraycopy(more, 0, args, 2, more.length);
        return new MailerConfigurationException(mailer, key, message.format(args));
    }
}
