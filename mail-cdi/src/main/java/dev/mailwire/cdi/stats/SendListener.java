package dev.mailwire.cdi.stats;

/**
 * Told about every send of one mailer, on the sending thread, after it ended: must be quick and must not throw
 * (a failure is logged and ignored). Telemetry is one; {@link MailerMonitor#addListener} adds others.
 *
 * <p>Beyond the specifications: a Mailwire API.
 */
public interface SendListener extends AutoCloseable {

    void sent(SendEvent event);

    /** Called once, when the mailer closes. */
    @Override
    default void close() {}
}
