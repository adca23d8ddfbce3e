package dev.mailwire.jca.pool;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerException;
import dev.mailwire.PoolExhaustedException;
import dev.mailwire.jca.JcaMessages;
import java.time.Duration;

/** Builds the errors the embedded pool raises from their wording in {@link JcaMessages}. */
final class PoolMessages {

    private PoolMessages() {}

    static MailerConfigurationException invalidSetting(String mailer, String key, Object value, String expected) {
        return new MailerConfigurationException(
                mailer, key, JcaMessages.INVALID_VALUE.format(mailer, key, value, expected));
    }

    static PoolExhaustedException exhausted(PoolSettings settings) {
        return new PoolExhaustedException(
                settings.mailer(),
                JcaMessages.POOL_EXHAUSTED.format(
                        settings.mailer(),
                        settings.maxSize(),
                        settings.acquireTimeout(),
                        settings.maxSize(),
                        settings.acquireTimeout()));
    }

    static MailerException closed(String mailer) {
        return new MailerException(mailer, JcaMessages.POOL_CLOSED.format(mailer));
    }

    static MailerException interrupted(String mailer, Duration waited, InterruptedException cause) {
        return new MailerException(mailer, JcaMessages.POOL_INTERRUPTED.format(mailer, waited), cause);
    }

    static IllegalArgumentException foreignFactory(String mailer) {
        return new IllegalArgumentException(JcaMessages.FOREIGN_FACTORY.format(mailer));
    }

    static MailerException deserialized() {
        return new MailerException(null, JcaMessages.POOL_DESERIALIZED.format());
    }
}
