package dev.mailwire.cdi.outbox;

import java.time.Instant;
import java.util.List;

/**
 * One row of the outbox, as {@link OutboxAdmin} reports it.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param id the entry's id, as {@code SendResult.deferral().outboxEntry()} reported it
 * @param mailer the mailer that sends it
 * @param messageId the Message-ID it carries on every attempt
 * @param state where it stands
 * @param recipients each recipient's state
 * @param attempts how many times it was sent (since its last requeue)
 * @param createdAt when it was written, in its transaction
 * @param nextAttemptAt when it is due next (for PENDING)
 * @param expiresAt when it is dead-lettered if still not delivered
 * @param completedAt when it was sent or dead-lettered, or null
 * @param lastError the last failure, or null
 */
public record OutboxEntry(
        String id,
        String mailer,
        String messageId,
        State state,
        List<RecipientState> recipients,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant expiresAt,
        Instant completedAt,
        String lastError) {

    /** An entry's state. */
    public enum State {
        /** Waiting for its next attempt (or being sent now). */
        PENDING,
        /** Delivered to every recipient; deleted after {@code outbox.retention}. */
        SENT,
        /** Dead-lettered: not retried until requeued; deleted after {@code outbox.dead-retention}. */
        DEAD
    }

    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }
}
