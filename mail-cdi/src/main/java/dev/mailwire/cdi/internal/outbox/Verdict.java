package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxEntry;
import java.time.Instant;

/**
 * What an attempt's result means for its mail — sent, tried again at a time, or dead-lettered — decided in one place
 * for the table and the memory outbox alike (each decided on its own before, in two copies of the same rule).
 *
 * @param state SENT (every recipient accepted it), DEAD (one refused it for good, or it expired), or PENDING
 * @param next when to try again, for PENDING; the decision's time otherwise
 */
record Verdict(OutboxEntry.State state, Instant next) {

    /**
     * @param attempts the attempts made so far, this one included
     * @param expires when the mail stops being retried
     */
    static Verdict of(Attempt.Result result, int attempts, Instant now, Instant expires, RetryPolicy retries) {
        if (!result.anyPending()) {
            return new Verdict(result.allDelivered() ? OutboxEntry.State.SENT : OutboxEntry.State.DEAD, now);
        }
        if (!now.isBefore(expires)) {
            return new Verdict(OutboxEntry.State.DEAD, now);
        }
        return new Verdict(OutboxEntry.State.PENDING, retries.next(now, attempts));
    }

    boolean isFinal() {
        return state != OutboxEntry.State.PENDING;
    }

    boolean delivered() {
        return state == OutboxEntry.State.SENT;
    }
}
