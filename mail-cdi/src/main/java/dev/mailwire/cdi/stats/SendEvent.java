package dev.mailwire.cdi.stats;

import java.time.Instant;

/**
 * One send as {@link MailerMonitor} saw it, handed to each {@link SendListener}. Holds no address and no content: only
 * counts, codes and timing.
 *
 * @param mailer the mailer's name
 * @param outcome how the send ended
 * @param replyClass {@code 4xx} or {@code 5xx} for {@link SendOutcome#REJECTED}, else null
 * @param replyCode the server's reply that decided the outcome (250, 450, 550…), or 0 when it did not answer
 * @param error the failure's kind for {@link SendOutcome#ERROR}, else null
 * @param delivered recipients that accepted the mail
 * @param deferred recipients that refused it for now (4xx), or that wait for the transaction's commit
 * @param rejected recipients that refused it for good (5xx)
 * @param start when the send began
 * @param durationNanos how long it took, borrowing the connection included; -1 when no SMTP exchange took place
 *     (held for a transaction, mock mode)
 */
public record SendEvent(
        String mailer,
        SendOutcome outcome,
        String replyClass,
        int replyCode,
        ErrorKind error,
        int delivered,
        int deferred,
        int rejected,
        Instant start,
        long durationNanos) {

    /** Whether this was an exchange with the SMTP server, whose latency is measured. */
    public boolean timed() {
        return durationNanos >= 0;
    }
}
