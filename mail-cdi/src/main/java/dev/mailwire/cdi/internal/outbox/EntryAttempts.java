package dev.mailwire.cdi.internal.outbox;

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

    private final OutboxStore store;
    private final OutboxSettings settings;
    private final OutcomeRecorder recorder;
    private final Clock clock;
    private final UnreadableEntries unreadable;

    EntryAttempts(OutboxStore store, OutboxSettings settings, OutcomeRecorder recorder, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.recorder = recorder;
        this.clock = clock;
        this.unreadable = new UnreadableEntries(store, settings.retryPolicy(), recorder, clock);
    }

    /**
     * An entry the sweeper found due: claimed first (false: another node has it), then read. A row that cannot be
     * read is recorded as a failed attempt (see {@link UnreadableEntries}), so it backs off and ends dead-lettered,
     * instead of being released as it was and found due again at once, by every look, for ever.
     *
     * @return whether the row changed: attempted and recorded, or backed off as unreadable
     */
    boolean due(String id) {
        try {
            if (!store.claim(id, clock.instant())) {
                return false;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + store.mailer() + "': outbox entry " + id + " not claimed: " + e);
            return false;
        }
        OutboxStore.Claimed entry;
        StoredMessage message;
        try {
            entry = store.load(id);
            if (entry == null) {
                return false;
            }
            message = parsed(entry);
        } catch (SQLException | MessagingException | RuntimeException e) {
            return unreadable.record(id, e);
        }
        try {
            return send(entry, message);
        } finally {
            entry.message().close();
        }
    }

    /** The stored message, headers parsed; its spool is closed when the headers do not parse. */
    private static StoredMessage parsed(OutboxStore.Claimed entry) throws MessagingException {
        try {
            return new StoredMessage(entry.message());
        } catch (MessagingException | RuntimeException e) {
            entry.message().close();
            throw e;
        }
    }

    /**
     * A committed entry, leased since its insert. Its lease is renewed first when the transaction took long enough
     * to eat into it, so a send starts on nearly the whole lease, as after a claim; the renewal fails, and nothing is
     * sent, when the lease ran out and another node took the entry over. A large message was not kept in memory: it
     * is read back from the row, which also tells whether the lease is still this node's.
     */
    boolean committed(OutboxDispatcher.Committed committed) {
        String id = committed.entry().id();
        try {
            Instant now = clock.instant();
            boolean fresh = now.isBefore(committed.leasedAt().plus(trustedLeaseAge(settings.lease())));
            if (!fresh && !store.renew(id, now)) {
                return false;
            }
            OutboxStore.Claimed entry = committed.entry().message() != null ? committed.entry() : store.load(id);
            if (entry == null) {
                return false;
            }
            try {
                return send(entry, parsed(entry));
            } finally {
                entry.message().close();
            }
        } catch (SQLException | MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + store.mailer() + "': outbox entry " + id + " not attempted", e);
            release(id);
            return false;
        }
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

    /** @return whether the result was recorded */
    private boolean send(OutboxStore.Claimed e, StoredMessage message) {
        Attempt.Result result = recorder.attempt(message, e.messageId(), e.recipients());
        int attempts = e.attempts() + 1;
        Instant now = clock.instant();
        Verdict verdict = Verdict.of(result, attempts, now, e.expiresAt(), settings.retryPolicy());
        Instant completed = verdict.isFinal() ? now : null;
        try {
            ResultWrite.Row row = new ResultWrite.Row(
                    e.id(), verdict.state(), result.recipients(), attempts, verdict.next(), completed, result.error());
            if (!ResultWrite.write(store, row)) {
                LOG.warning(OutboxMessages.LEASE_LOST.format(
                        store.mailer(), e.id(), e.messageId(), settings.property("outbox.lease")));
                return false;
            }
        } catch (SQLException x) {
            LOG.severe(OutboxMessages.RESULT_NOT_RECORDED.format(
                    store.mailer(), e.id(), e.messageId(), ResultWrite.TRIES, x));
            return false;
        }
        if (verdict.isFinal()) {
            recorder.finished(e.id(), e.messageId(), verdict.delivered(), result, attempts);
        }
        return true;
    }
}
