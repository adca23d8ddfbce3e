package dev.mailwire.jca.pool;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerException;
import dev.mailwire.PoolExhaustedException;
import java.time.Duration;

/** The wording of every error the embedded pool raises, in one place so the docs' error catalogue stays true. */
final class PoolMessages {

    private PoolMessages() {}

    static MailerConfigurationException invalidSetting(String mailer, String key, Object value, String expected) {
        return new MailerConfigurationException(
                mailer,
                key,
                "Mailer '" + mailer + "': " + key + "=" + value + " is invalid; it must be " + expected + ".");
    }

    static PoolExhaustedException exhausted(PoolSettings settings) {
        return new PoolExhaustedException(
                settings.mailer(),
                "Mailer '" + settings.mailer() + "': all " + settings.maxSize()
                        + " pooled SMTP connections stayed in use for " + settings.acquireTimeout()
                        + " (pool.max-size=" + settings.maxSize() + ", pool.acquire-timeout="
                        + settings.acquireTimeout() + "). Raise pool.max-size or lower the load.");
    }

    static MailerException closed(String mailer) {
        return new MailerException(
                mailer,
                "Mailer '" + mailer + "': the embedded SMTP connection pool is closed (the application is"
                        + " shutting down); no connection can be handed out.");
    }

    static MailerException interrupted(String mailer, Duration waited, InterruptedException cause) {
        return new MailerException(
                mailer,
                "Mailer '" + mailer + "': interrupted after " + waited + " while waiting for a pooled SMTP connection.",
                cause);
    }

    static IllegalArgumentException foreignFactory(String mailer) {
        return new IllegalArgumentException("Mailer '" + mailer
                + "': allocateConnection was called with a ManagedConnectionFactory that is not the one this"
                + " embedded pool was created for; create one EmbeddedConnectionManager per factory.");
    }

    static MailerException deserialized() {
        return new MailerException(
                null,
                "An EmbeddedConnectionManager was deserialized; a pool cannot travel between JVMs. Create a new"
                        + " one for the factory instead.");
    }
}
