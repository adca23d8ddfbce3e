package dev.mailwire.cdi.stats;

/**
 * Where {@link MailerMonitor} gets a mailer's outbox figures; the outbox registers one with {@link
 * MailerMonitor#outbox(OutboxSource)}. Readiness and metric collection call {@link #figures()} at their own pace
 * (every health poll, every metric export), so it should answer from memory or a cheap query.
 *
 * <p>Beyond the specifications: a Mailwire API, implemented by Mailwire's outbox; an application reads the figures
 * through {@link MailerMonitor#outboxFigures()}.
 */
public interface OutboxSource {

    /** The figures now. May throw; the caller then reports them as unknown. */
    OutboxFigures figures();

    /**
     * False when the threads that deliver the outbox stopped while the mailer is open: Mailwire is broken and liveness
     * says so. Answered from memory: liveness never waits on a database or the network.
     */
    default boolean dispatcherRunning() {
        return true;
    }
}
