package dev.mailwire.cdi.stats;

import java.util.Locale;

/**
 * How one send ended, as counted by {@link MailerStats} and the {@code mailwire.mail.sends} metric.
 *
 * <p>Beyond the specifications: a Mailwire API.
 */
public enum SendOutcome {
    /** The server accepted the mail for every recipient (mock mode: recorded into the mock mailbox). */
    DELIVERED,
    /** Held until its JTA transaction commits (the outbox); its attempts after commit are counted on their own. */
    DEFERRED,
    /**
     * The server answered, but not every recipient accepted the mail: some or all refused it for now (4xx) or for
     * good (5xx). Counted with the worse reply class.
     */
    REJECTED,
    /** No answer about the mail: the connection, TLS, AUTH or a timeout failed, or the mail was invalid. */
    ERROR;

    /** Lower case, as in the {@code mailwire.outcome} metric attribute. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
