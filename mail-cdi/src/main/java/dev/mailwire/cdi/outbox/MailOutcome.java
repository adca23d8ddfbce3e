package dev.mailwire.cdi.outbox;

import dev.mailwire.RecipientResult;
import java.util.List;
import java.util.Objects;

/**
 * The final outcome of a mail sent inside a JTA transaction, fired as a CDI event once it is known: delivered to
 * every recipient, or dead-lettered (some recipient refused for good, or still not accepted when the mail reached
 * {@code outbox.max-age}). Observe it to react, for example to flag an order whose confirmation never went out:
 *
 * <pre>{@code
 * void onMail(@Observes MailOutcome outcome) {
 *     if (!outcome.delivered()) { ... outcome.messageId() ... }
 * }
 * }</pre>
 *
 * <p>Fired synchronously on the dispatcher's thread after the outcome is recorded; an observer that fails is logged
 * and does not change the outcome. Without an outbox it is fired the same way for mail held in memory. Mail sent
 * outside a transaction reports its result from {@code send} instead.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param mailer the mailer's name
 * @param messageId the Message-ID the mail carried at {@code send} and on every attempt
 * @param outboxEntry the id of its outbox entry (as in {@code SendResult.Deferral}), or null when held in memory
 * @param outcome delivered or dead-lettered
 * @param recipients the last result per recipient
 * @param attempts how many times the mail was sent
 */
public record MailOutcome(
        String mailer,
        String messageId,
        String outboxEntry,
        Outcome outcome,
        List<RecipientResult> recipients,
        int attempts) {

    /** How it ended. */
    public enum Outcome {
        /** Every recipient accepted the mail. */
        DELIVERED,
        /**
         * Not every recipient accepted it: refused for good (5xx), or not accepted by {@code outbox.max-age}. Those
         * that accepted it are listed as DELIVERED and are never sent it again, even after a requeue.
         */
        DEAD_LETTERED
    }

    public MailOutcome {
        Objects.requireNonNull(outcome, "outcome");
        recipients = List.copyOf(recipients);
    }

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
