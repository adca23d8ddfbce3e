package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxEntry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rows the dispatcher claimed but cannot read: a recipients column that does not parse, a message whose headers do
 * not, a BLOB the database cannot hand back. Such a row used to be released with nothing recorded, so it was due
 * again at once: with about {@code 2 × pool.max-size} of them every look took only them, the dispatcher spun (28,000
 * warnings with stack traces in 5 s, both cores busy) and a healthy due mail was never sent.
 *
 * <p>Now each failure is an attempt: counted, backed off like a failed send, its error stored. A row whose content
 * does not parse cannot get better by waiting, so it is dead-lettered at its {@value #CONTENT_ATTEMPTS}th attempt (a
 * row fixed by hand meanwhile goes out); a database error reading it is retried until the entry expires.
 */
final class UnreadableEntries {

    /** The attempts after which a row whose content does not parse is dead-lettered. */
    static final int CONTENT_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(UnreadableEntries.class.getName());

    private final OutboxStore store;
    private final RetryPolicy retries;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    UnreadableEntries(OutboxStore store, RetryPolicy retries, OutcomeRecorder recorder, Clock clock) {
        this.store = store;
        this.retries = retries;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Records a failed read of a row this node holds the lease on.
     *
     * @return whether it was recorded (false: the lease is given up, as before, and the failure logged)
     */
    boolean record(String id, Exception failure) {
        boolean content = !(failure instanceof SQLException);
        String error = "unreadable outbox entry: " + failure;
        try {
            OutboxStore.Head head = store.head(id);
            if (head == null) {
                return false; // the lease is gone: whoever holds it now deals with the row
            }
            int attempts = head.attempts() + 1;
            Instant now = clock.instant();
            boolean dead = !now.isBefore(head.expiresAt()) || (content && attempts >= CONTENT_ATTEMPTS);
            Instant next = dead ? now : retries.next(now, attempts);
            OutboxEntry.State state = dead ? OutboxEntry.State.DEAD : OutboxEntry.State.PENDING;
            if (!store.unreadable(id, state, attempts, next, dead ? now : null, error)) {
                return false;
            }
            // One line, no stack trace: a poison row logs once per back-off, not in a loop.
            LOG.warning(OutboxMessages.UNREADABLE.format(
                    store.mailer(),
                    id,
                    head.messageId(),
                    attempts,
                    failure,
                    dead ? "dead-lettered" : "retried at " + next));
            LOG.log(Level.FINE, "outbox entry " + id + " unreadable", failure);
            if (dead) {
                recorder.finished(id, head.messageId(), false, new Attempt.Result(List.of(), error), attempts);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warning(OutboxMessages.UNREADABLE.format(
                    store.mailer(), id, "?", 0, failure, "left to its lease (" + e + ")"));
            release(id);
            return false;
        }
    }

    private void release(String id) {
        try {
            store.release(id);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "lease of " + id + " not released; it ends by itself", e);
        }
    }
}
