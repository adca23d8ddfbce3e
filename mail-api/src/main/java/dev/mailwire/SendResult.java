package dev.mailwire;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one send: the Message-ID the mail carries and what the server answered for each recipient.
 *
 * @param messageId the Message-ID header of the mail as sent (kept across retries)
 * @param recipients one result per recipient, in the order sent
 * @param dropped recipients removed by the {@code approved-recipients} guard, never sent to
 * @param deferral for a mail held until its JTA transaction commits: where it is kept; null for a mail sent now
 */
public record SendResult(String messageId, List<RecipientResult> recipients, List<String> dropped, Deferral deferral) {

    public SendResult {
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }

    /** A mail sent now, with no recipient dropped. */
    public SendResult(String messageId, List<RecipientResult> recipients) {
        this(messageId, recipients, List.of(), null);
    }

    /** True when the server accepted the mail for every recipient. */
    public boolean allDelivered() {
        return recipients.stream().allMatch(RecipientResult::delivered);
    }

    /** True when the mail is held until its transaction commits (see {@link #deferral()}). */
    public boolean isDeferred() {
        return deferral != null;
    }

    /** The results with the given status. */
    public List<RecipientResult> withStatus(RecipientResult.Status status) {
        return recipients.stream().filter(r -> r.status() == status).toList();
    }

    /**
     * Where a mail sent inside a JTA transaction waits for the commit.
     *
     * @param outboxEntry the id of its outbox entry, or null when no outbox is configured (held in memory: a crash
     *     after commit loses it)
     * @param durable whether the mail is kept in the outbox as part of the transaction
     */
    public record Deferral(String outboxEntry, boolean durable) {}
}
