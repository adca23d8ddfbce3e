package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.stats.OutboxFigures;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one mailer's committed outbox entries: at once after commit (handed over by the transaction's
 * afterCompletion, which must neither block nor throw) and, every poll interval, whatever is due in the table — mail
 * whose first attempt failed, mail committed by a node that died, mail that found no free thread. Only the holder of
 * an entry's lease sends it, so of several nodes only one does; within this node a set of the ids in hand keeps the
 * hand-over and the sweeper from racing each other.
 *
 * <p>A committed entry is leased to this node already: its row was inserted with this node's lease, in the sender's
 * transaction. So the hand-over sends it from memory with no claim and no read of the row; the database sees one
 * write per mail after the commit (the result), where a claim, a read and the result competed with the application's
 * own commits before. Another node takes such an entry only once its lease has run out (this node died, or never got
 * to it); an entry this node cannot take at once goes back to the table, unleased, for the sweeper.
 *
 * <p>A backlog does not wait for the poll interval: while the last look at the table found more due than there was
 * room for, each send that ends looks again for what its freed thread can take (see {@link #freed}).
 */
final class OutboxDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    /** A committed entry as its transaction inserted it: leased to this node since {@code leasedAt}. */
    record Committed(OutboxStore.Claimed entry, Instant leasedAt) {}

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final EntryAttempts attempts;
    private final DispatchThreads threads;
    private final Clock clock;
    private final OutboxCensus census;
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private final HandOver<Committed> handOver;
    /** Committed entries given to a dispatch thread whose attempt has not started: released at close. */
    private final Map<String, Committed> waiting = new ConcurrentHashMap<>();

    private final AtomicBoolean looking = new AtomicBoolean();
    /** Attempts that changed their row (recorded a result, or backed an unreadable row off). */
    private final AtomicLong progress = new AtomicLong();
    /** {@link #progress} when the last look started its attempts. */
    private volatile long progressAtLook;

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
        this.attempts = new EntryAttempts(store, settings, recorder, clock);
        this.threads = threads;
        this.clock = clock;
        this.census = new OutboxCensus(store, settings.pollInterval());
        this.handOver = new HandOver<>(store.mailer(), threads, this::take);
    }

    void start() {
        sweeper = threads.every(settings.pollInterval(), this::sweep);
    }

    /** After commit, on the committing thread: hands the entry over and returns; never blocks or throws. */
    void committed(Committed entry) {
        try {
            handOver.offer(entry);
        } catch (RuntimeException | Error e) {
            LOG.log(
                    Level.WARNING,
                    "Mailer '" + store.mailer() + "': entry " + entry.entry().id()
                            + " left to the sweeper until its lease ends",
                    e);
        }
    }

    /** On the hand-over's dispatch thread: starts a committed entry's attempt, or gives it back to the table. */
    private void take(Committed entry) {
        String id = entry.entry().id();
        if (closing) {
            release(id);
            return;
        }
        if (backlog) {
            // A fresh commit would overtake older rows: unleased, the next look (a send ending, or one running now,
            // which sees this request when it ends) takes it in its turn. Read again in case that look just ended it.
            release(id);
            lookAgain = true;
            if (backlog) {
                return;
            }
            dispatch(id);
            return;
        }
        if (!start(entry)) {
            release(id); // for the sweeper, which skips rows under a live lease
            backlog = true; // no room now: each thread in use looks again when its send ends
        }
    }

    private void dispatch(String id) {
        if (!start(id)) {
            backlog = true;
        }
    }

    private boolean start(Committed entry) {
        String id = entry.entry().id();
        if (!inHand.add(id)) {
            return true; // cannot be: the sweeper skips leased rows; whoever has it sends it
        }
        waiting.put(id, entry);
        if (threads.tryExecute(() -> attempt(entry), this::freed)) {
            return true;
        }
        waiting.remove(id);
        inHand.remove(id);
        return false;
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
        if (clock instanceof DatabaseClock database) {
            database.resync();
        }
        lookAgain = true;
        takeDue();
        try {
            Instant now = clock.instant();
            if (now.isAfter(lastPurge.plus(PURGE_EVERY))) {
                lastPurge = now;
                store.purge(OutboxEntry.State.SENT, now.minus(settings.retention()));
                store.purge(OutboxEntry.State.DEAD, now.minus(settings.deadRetention()));
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
     * so an idle outbox does not query the table after every send; and only once an attempt since the last look
     * changed its row: when a look started nothing that succeeded (rows another node took, a database failing), the
     * next look waits for the poll interval instead of finding the same rows due again at once.
     */
    private void freed() {
        if (backlog && !closing && progress.get() != progressAtLook) {
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
            progressAtLook = progress.get();
            List<String> due = store.due(limit, clock.instant());
            // More is due than this look started when the query filled its limit, or when a due row not in hand was
            // left for want of room: rows backed off meanwhile (unreadable ones, retried a moment later) make the
            // query come back short of its limit while healthy rows still wait, and those must not wait for the poll.
            boolean more = due.size() >= limit;
            int started = 0;
            for (String id : due) {
                if (inHand.contains(id)) {
                    continue;
                }
                if (started == room || !start(id)) {
                    more = true;
                    break;
                }
                started++;
            }
            return more;
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

    /** An entry the sweeper found due. */
    private void attempt(String id) {
        try {
            if (!threads.isClosed() && attempts.due(id)) {
                progress.incrementAndGet();
            }
        } finally {
            inHand.remove(id);
        }
    }

    /** A committed entry handed over: sent from memory under the lease its insert took. */
    private void attempt(Committed committed) {
        String id = committed.entry().id();
        waiting.remove(id);
        try {
            if (threads.isClosed()) {
                attempts.release(id); // for another node, or this one restarted, at its next sweep
            } else if (attempts.committed(committed)) {
                progress.incrementAndGet();
            }
        } finally {
            inHand.remove(id);
        }
    }

    private void release(String id) {
        attempts.release(id);
    }

    @Override
    public void close() {
        closing = true;
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        threads.close();
        // Committed entries not attempted yet are leased to this node: give them back to the table now, so that
        // another node (or this one restarted) sends them at its next sweep rather than after the lease.
        for (Committed c : handOver.drain()) {
            release(c.entry().id());
        }
        waiting.keySet().forEach(this::release);
    }
}
