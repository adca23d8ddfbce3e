package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.OutboxSource;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Without a data source: a committed mail is held in memory and delivered from there, with the same back-off and
 * maximum age as the outbox. A crash or a restart loses what is held (a shutdown logs each lost Message-ID), and
 * the number held is bounded, beyond which mail is dropped and logged: the price of needing no table. So are the
 * bytes held ({@link MemoryBudget}): a mail that does not fit is refused at {@code send}.
 */
final class MemoryOutbox extends Outbox {

    /** The most committed mails held at once; beyond it a mail is dropped (MWTX-104). */
    static final int MAX_HELD = 10_000;

    private static final Logger LOG = Logger.getLogger(MemoryOutbox.class.getName());

    private final OutcomeRecorder recorder;
    private final OutboxSettings settings;
    private final DispatchThreads threads;
    private final Clock clock;
    private final MemoryBudget budget;
    private final Set<HeldMail> held = ConcurrentHashMap.newKeySet();
    /** From afterCompletion to a dispatch thread without waking one inside {@code commit()}: see {@link HandOver}. */
    private final HandOver<HeldMail> handOver;

    /** One mail in memory; only the thread attempting it touches its state. */
    private static final class HeldMail {
        final StoredMessage message;
        final String messageId;
        final Instant committed;
        final Instant expires;
        List<RecipientState> recipients;
        int attempts;

        HeldMail(
                StoredMessage message,
                String messageId,
                List<RecipientState> recipients,
                Instant committed,
                Instant expires) {
            this.message = message;
            this.messageId = messageId;
            this.recipients = recipients;
            this.committed = committed;
            this.expires = expires;
        }
    }

    MemoryOutbox(OutcomeRecorder recorder, OutboxSettings settings, DispatchThreads threads, Clock clock) {
        this.recorder = recorder;
        this.settings = settings;
        this.threads = threads;
        this.clock = clock;
        this.budget =
                new MemoryBudget(recorder.mailer(), settings.property("outbox.memory-limit"), settings.memoryLimit());
        this.handOver = new HandOver<>(recorder.mailer(), threads, this::start);
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public Held hold(MessageSpool message, String messageId, List<String> recipients) {
        List<RecipientState> states =
                recipients.stream().map(RecipientState::pending).toList();
        StoredMessage stored;
        try {
            budget.reserve(message.size(), messageId);
            try {
                stored = new StoredMessage(message);
            } catch (MessagingException e) {
                budget.release(message.size());
                throw new IllegalStateException("the rendered message does not parse", e);
            }
        } catch (RuntimeException e) {
            message.close();
            throw e;
        }
        return new Held(
                null,
                () -> {
                    Instant now = clock.instant();
                    committed(new HeldMail(
                            stored,
                            messageId,
                            states,
                            now,
                            settings.retryPolicy().expiry(now)));
                },
                () -> forget(stored));
    }

    /** Gives the mail's bytes back to the budget and deletes its file, if any. */
    private void forget(StoredMessage message) {
        budget.release(message.spool().size());
        message.spool().close();
    }

    private void committed(HeldMail mail) {
        if (threads.isClosed()) {
            LOG.warning(OutboxMessages.LOST_AT_SHUTDOWN.format(recorder.mailer(), 1, mail.messageId));
            forget(mail.message);
            return;
        }
        if (held.size() >= MAX_HELD) {
            LOG.severe(OutboxMessages.MEMORY_FULL.format(recorder.mailer(), held.size(), mail.messageId));
            recorder.finished(null, mail.messageId, false, new Attempt.Result(mail.recipients, "dropped"), 0);
            forget(mail.message);
            return;
        }
        held.add(mail); // counted, and reported lost at shutdown, from now on
        handOver.offer(mail);
    }

    /** On a dispatch thread, from the hand-over. */
    private void start(HeldMail mail) {
        if (!threads.tryExecute(() -> attempt(mail))) {
            threads.later(Duration.ZERO, () -> attempt(mail));
        }
    }

    private void attempt(HeldMail mail) {
        try {
            Attempt.Result result = recorder.attempt(mail.message, mail.messageId, mail.recipients);
            mail.recipients = result.recipients();
            mail.attempts++;
            Instant now = clock.instant();
            Verdict verdict = Verdict.of(result, mail.attempts, now, mail.expires, settings.retryPolicy());
            if (!verdict.isFinal()) {
                Duration wait = Duration.between(now, verdict.next());
                // Not scheduled only when stopping: the mail stays held, so close() reports it lost.
                threads.later(wait, () -> attempt(mail));
                return;
            }
            held.remove(mail);
            forget(mail.message);
            recorder.finished(null, mail.messageId, verdict.delivered(), result, mail.attempts);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + recorder.mailer() + "': delivery of " + mail.messageId + " failed", e);
            held.remove(mail);
            forget(mail.message);
        }
    }

    /**
     * Counted from the mails held (at most {@link #MAX_HELD}, so cheap). No dead letters: memory keeps none — a mail
     * given up on is logged and fired as a {@code MailOutcome}, then forgotten.
     */
    @Override
    public OutboxSource source() {
        return new OutboxSource() {
            @Override
            public OutboxFigures figures() {
                long count = 0;
                Instant oldest = null;
                for (HeldMail m : held) {
                    count++;
                    oldest = oldest == null || m.committed.isBefore(oldest) ? m.committed : oldest;
                }
                return new OutboxFigures(count, oldest, 0);
            }

            @Override
            public boolean dispatcherRunning() {
                return !threads.lost();
            }
        };
    }

    @Override
    public void close() {
        threads.close();
        handOver.drain(); // still held: reported below
        if (!held.isEmpty()) {
            String ids = held.stream().map(m -> m.messageId).limit(50).collect(Collectors.joining(", "));
            LOG.warning(OutboxMessages.LOST_AT_SHUTDOWN.format(recorder.mailer(), held.size(), ids));
        }
        held.forEach(m -> forget(m.message));
    }
}
