package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.stats.OutboxFigures;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One mailer's outbox figures as health checks and metric exports see them. They ask at every poll and export, and
 * liveness and readiness must not wait on the database; so they get the last count, which the sweeper refreshes on
 * its own thread at most every {@link #EVERY}. A count that failed, or that has not been refreshed for several
 * intervals (the sweeper stuck behind a hung database), is reported as unknown rather than as a stale fact.
 */
final class OutboxCensus {

    /** The least time between two counts: a count scans the mailer's waiting and dead entries. */
    static final Duration EVERY = Duration.ofSeconds(2);

    /** A count, or why the last try failed. */
    private record Count(OutboxFigures figures, Instant at, String failure) {}

    private final OutboxStore store;
    private final Duration staleAfter;
    private volatile Count last;
    private volatile Instant lastTry = Instant.EPOCH;

    OutboxCensus(OutboxStore store, Duration pollInterval) {
        this.store = store;
        Duration every = pollInterval.compareTo(EVERY) > 0 ? pollInterval : EVERY;
        this.staleAfter = every.multipliedBy(5);
    }

    /** Counts again if the last try is {@link #EVERY} old; on the sweeper's thread, never throws. */
    void refreshIfDue(Instant now) {
        if (now.isBefore(lastTry.plus(EVERY))) {
            return;
        }
        lastTry = now;
        try {
            last = new Count(store.figures(), now, null);
        } catch (SQLException | RuntimeException e) {
            last = new Count(null, now, String.valueOf(e));
        }
    }

    /** The newest count, from memory. Throws when there is none to trust; the monitor then reports unknown. */
    OutboxFigures figures(Instant now) {
        Count c = last;
        if (c == null) {
            throw new IllegalStateException("mailer '" + store.mailer() + "': the outbox has not been counted yet");
        }
        if (c.failure() != null) {
            throw new IllegalStateException(
                    "mailer '" + store.mailer() + "': counting the outbox failed at " + c.at() + ": " + c.failure());
        }
        if (c.at().plus(staleAfter).isBefore(now)) {
            throw new IllegalStateException("mailer '" + store.mailer() + "': the outbox count of " + c.at()
                    + " is stale; the sweeper has not refreshed it since");
        }
        return c.figures();
    }
}
