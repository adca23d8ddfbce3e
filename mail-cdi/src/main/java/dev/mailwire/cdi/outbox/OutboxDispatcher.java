package dev.mailwire.cdi.outbox;

import dev.mailwire.cdi.stats.OutboxFigures;
import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one mailer's committed outbox entries: at once after commit (handed over by the transaction's
 * afterCompletion, which must neither block nor throw) and, every poll interval, whatever is due in the table — mail
 * whose first attempt failed, mail committed by a node that died, mail that found no free thread. Every attempt is
 * preceded by a claim in the table, so of several nodes only one sends an entry; within this node a set of the ids
 * in hand keeps the hand-over and the sweeper from racing each other.
 */
final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final OutcomeRecorder recorder;
    private final DispatchThreads threads;
    private final Clock clock;
    private final OutboxCensus census;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile ScheduledFuture<?> sweeper;
    private volatile boolean closing;

    OutboxDispatcher(
            OutboxStore store,
            OutboxSettings settings,
            OutcomeRecorder recorder,
            DispatchThreads threads,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.recorder = recorder;
        this.threads = threads;
        this.clock = clock;
        this.census = new OutboxCensus(store, settings.pollInterval());
    }

    void start() {
        sweeper = threads.every(settings.pollInterval(), this::sweep);
    }

    /** After commit, on the committing thread: hands the entry over and returns; never throws. */
    void committed(String id) {
        try {
            dispatch(id);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Mailer '" + store.mailer() + "': entry " + id + " left to the sweeper", e);
        }
    }

    private void dispatch(String id) {
        if (inHand.add(id) && !threads.tryExecute(() -> attempt(id))) {
            inHand.remove(id); // no room now: the sweeper takes it when its turn comes
        }
    }

    void sweep() {
        try {
            Instant now = clock.instant();
            int room = Math.min(settings.batchSize(), threads.free());
            if (room > 0) {
                store.due(room, now).forEach(this::dispatch);
            }
            if (now.isAfter(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = now;
                store.purge(now.minus(settings.retention()));
            }
        } catch (SQLException | RuntimeException e) {
            // A periodic task that throws is never run again: report and carry on at the next interval.
            LOG.warning(OutboxMessages.SWEEP_FAILED.format(store.mailer(), e, settings.pollInterval()));
        }
        census.refreshIfDue(clock.instant());
    }

    /** The figures of the sweeper's last count, from memory; throws when there is no count to trust. */
    OutboxFigures figures() {
        return census.figures(clock.instant());
    }

    /**
     * False when delivery stopped while nobody closed the outbox: the executor is gone, or the sweeper ended (a
     * periodic task ends for good when it throws, which {@link #sweep} prevents for everything but an Error).
     */
    boolean running() {
        if (closing) {
            return true; // the mailer is closing: not a failure
        }
        ScheduledFuture<?> s = sweeper;
        return !threads.lost() && (s == null || !s.isDone());
    }

    private void attempt(String id) {
        try {
            if (threads.isClosed() || !store.claim(id, clock.instant())) {
                return;
            }
            OutboxStore.Claimed entry = store.load(id);
            if (entry != null) {
                send(entry);
            }
        } catch (SQLException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + store.mailer() + "': outbox entry " + id + " not attempted", e);
            release(id);
        } finally {
            inHand.remove(id);
        }
    }

    private void send(OutboxStore.Claimed e) throws MessagingException {
        Attempt.Result result = recorder.attempt(new StoredMessage(e.message()), e.messageId(), e.recipients());
        int attempts = e.attempts() + 1;
        Instant now = clock.instant();
        OutboxEntry.State state = OutboxEntry.State.PENDING;
        Instant next = now;
        if (!result.anyPending()) {
            state = result.allDelivered() ? OutboxEntry.State.SENT : OutboxEntry.State.DEAD;
        } else if (!now.isBefore(e.expiresAt())) {
            state = OutboxEntry.State.DEAD;
        } else {
            next = settings.retryPolicy().next(now, attempts);
        }
        Instant completed = state == OutboxEntry.State.PENDING ? null : now;
        try {
            if (!store.finish(e.id(), state, result.recipients(), attempts, next, completed, result.error())) {
                LOG.warning(OutboxMessages.LEASE_LOST.format(
                        store.mailer(), e.id(), e.messageId(), settings.property("outbox.lease")));
                return;
            }
        } catch (SQLException x) {
            LOG.severe(OutboxMessages.RESULT_NOT_RECORDED.format(store.mailer(), e.id(), e.messageId(), x));
            return;
        }
        if (state != OutboxEntry.State.PENDING) {
            recorder.finished(e.id(), e.messageId(), state == OutboxEntry.State.SENT, result, attempts);
        }
    }

    private void release(String id) {
        try {
            store.release(id);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "lease of " + id + " not released; it ends by itself", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        threads.close();
    }
}
