package dev.mailwire.cdi.outbox;

import jakarta.mail.MessagingException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One attempt at an outbox entry, against the table: hold the entry's lease, send its bytes to the recipients still
 * pending, record the replies and give the lease up. Which entries are attempted, and when, is the
 * {@link OutboxDispatcher}'s business; this class runs on its dispatch threads.
 *
 * <p>The lease is held one of two ways. An entry the sweeper found due is claimed (one atomic UPDATE, which one node
 * only wins) and then read. An entry this node committed was inserted leased to this node, so it is sent from the
 * bytes still in memory: no claim and no read, which leaves the database one write per mail after the commit.
 */
final class EntryAttempts {

    private static final Logger LOG = Logger.getLogger(EntryAttempts.class.getName());

    /** Reads the entry an attempt sends, once it holds the lease; null when it does not. */
    @FunctionalInterface
    private interface Lease {
        OutboxStore.Claimed take() throws SQLException;
    }

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final OutcomeRecorder recorder;
    private final Clock clock;

    EntryAttempts(OutboxStore store, OutboxSettings settings, OutcomeRecorder recorder, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** An entry the sweeper found due: claimed first (false: another node has it), then read. */
    void due(String id) {
        attempt(id, () -> store.claim(id, clock.instant()) ? store.load(id) : null);
    }

    /**
     * A committed entry, leased since its insert. Its lease is renewed first when the transaction took long enough
     * to eat into it, so a send starts on nearly the whole lease, as after a claim; the renewal fails, and nothing is
     * sent, when the lease ran out and another node took the entry over.
     */
    void committed(OutboxDispatcher.Committed committed) {
        String id = committed.entry().id();
        attempt(id, () -> {
            Instant now = clock.instant();
            boolean fresh = now.isBefore(committed.leasedAt().plus(trustedLeaseAge(settings.lease())));
            return fresh || store.renew(id, now) ? committed.entry() : null;
        });
    }

    /**
     * How old an insert-time lease may be and still be trusted without renewing it: a tenth of the lease, at most a
     * second. A transaction usually commits within milliseconds of its send; a longer one pays one UPDATE.
     */
    static Duration trustedLeaseAge(Duration lease) {
        Duration tenth = lease.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
    }

    /** Gives this node's lease on {@code id} up, if it still has it; a failure only leaves the lease to run out. */
    void release(String id) {
        try {
            store.release(id);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "lease of " + id + " not released; it ends by itself", e);
        }
    }

    private void attempt(String id, Lease lease) {
        try {
            OutboxStore.Claimed entry = lease.take();
            if (entry != null) {
                send(entry);
            }
        } catch (SQLException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + store.mailer() + "': outbox entry " + id + " not attempted", e);
            release(id);
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
}
