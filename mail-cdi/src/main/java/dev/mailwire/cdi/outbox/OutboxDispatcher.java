package dev.mailwire.cdi.outbox;

import dev.mailwire.cdi.stats.OutboxFigures;
import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one mailer's committed outbox entries: at once after commit (handed over by the transaction's
 * afterCompletion, which must neither block nor throw) and, every poll interval, whatever is due in the table — mail
 * whose first attempt failed, mail committed by a node that died, mail that found no free thread. Every attempt is
 * preceded by a claim in the table, so of several nodes only one sends an entry; within this node a set of the ids
 * in hand keeps the hand-over and the sweeper from racing each other.
 *
 * <p>A backlog does not wait for the poll interval: while the last look at the table found more due than there was
 * room for, each send that ends looks again for what its freed thread can take (see {@link #freed}).
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
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile boolean lookAgain;
    private volatile boolean backlog;
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
        if (backlog) {
            // A fresh commit would overtake older rows: the next look (a send ending, or one running now, which
            // sees this request when it ends) takes it in its turn. Read again in case that look just ended it.
            lookAgain = true;
            if (backlog) {
                return;
            }
        }
        if (!start(id)) {
            backlog = true; // no room now: each thread in use looks again when its send ends
        }
    }

    private boolean start(String id) {
        if (!inHand.add(id)) {
            return false;
        }
        if (threads.tryExecute(() -> attempt(id), this::freed)) {
            return true;
        }
        inHand.remove(id);
        return false;
    }

    void sweep() {
        lookAgain = true;
        takeDue();
        try {
            Instant now = clock.instant();
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

    /**
     * Runs on a dispatch thread once its send ended and its room is free again. Without it a backlog drained at
     * {@code 2 × pool.max-size} mails per poll interval while the connections sat idle (10,000 mails: ~1 h 45 min
     * at the defaults); with it each freed thread takes the next due entry at once. Only while a backlog is known,
     * so an idle outbox does not query the table after every send.
     */
    private void freed() {
        if (backlog && !closing) {
            lookAgain = true;
            takeDue();
        }
    }

    /**
     * One look at a time: a request made while another thread looks (lookAgain) is served by that thread's loop,
     * so no freed room is missed and no two looks hand out the same rows.
     */
    private void takeDue() {
        while (lookAgain && looking.compareAndSet(false, true)) {
            try {
                lookAgain = false;
                backlog = takeDueOnce();
            } finally {
                looking.set(false);
            }
        }
    }

    /**
     * Starts as many due entries, oldest first, as there is room for: never more, since an entry is claimed (leased)
     * when its send starts and must not wait in a queue. Rows already in hand come back from the query too, so it
     * asks for that many more.
     *
     * @return whether more may be due than there was room for
     */
    private boolean takeDueOnce() {
        int room = Math.min(settings.batchSize(), threads.free());
        if (room == 0) {
            return true; // every thread busy: the next one to finish looks again
        }
        try {
            int limit = room + inHand.size();
            List<String> due = store.due(limit, clock.instant());
            int started = 0;
            for (int i = 0; i < due.size() && started < room; i++) {
                started += start(due.get(i)) ? 1 : 0;
            }
            return due.size() >= limit;
        } catch (SQLException | RuntimeException e) {
            // Never thrown: a periodic task that throws is never run again. Not retried after every send either:
            // a failing database is asked again at the next interval.
            LOG.warning(OutboxMessages.SWEEP_FAILED.format(store.mailer(), e, settings.pollInterval()));
            return false;
        }
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
