package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.outbox.RecipientState;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs attempts through the mailer's transport and reports final outcomes: a log line and a {@link MailOutcome}. */
final class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class.getName());

    private final String mailer;
    private final OutboxTransport transport;
    private final Consumer<MailOutcome> events;

    OutcomeRecorder(String mailer, OutboxTransport transport, Consumer<MailOutcome> events) {
        this.mailer = mailer;
        this.transport = transport;
        this.events = events;
    }

    String mailer() {
        return mailer;
    }

    Attempt.Result attempt(StoredMessage message, String messageId, List<RecipientState> recipients) {
        return Attempt.run(transport, message, messageId, recipients);
    }

    /** Reports the end of a mail; an observer that fails is logged, since the outcome is recorded already. */
    void finished(String entry, String messageId, boolean delivered, Attempt.Result result, int attempts) {
        if (!delivered) {
            LOG.warning(OutboxMessages.DEAD_LETTERED.format(mailer, messageId, entry, attempts, result.error()));
        }
        MailOutcome outcome = new MailOutcome(
                mailer,
                messageId,
                entry,
                delivered ? MailOutcome.Outcome.DELIVERED : MailOutcome.Outcome.DEAD_LETTERED,
                result.recipients().stream().map(RecipientState::toResult).toList(),
                attempts);
        try {
            events.accept(outcome);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailer '" + mailer + "': an observer of MailOutcome failed", e);
        }
    }
}
