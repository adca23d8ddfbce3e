package dev.mailwire;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one send: the Message-ID the mail carries and what the server answered for each recipient.
 *
 * @param messageId the Message-ID header of the mail as sent (kept across retries)
 * @param recipients one result per recipient, in the order sent
 */
public record SendResult(String messageId, List<RecipientResult> recipients) {

    public SendResult {
        recipients = List.copyOf(Objects.requireNonNull(recipients, "recipients"));
    }

    /** True when the server accepted the mail for every recipient. */
    public boolean allDelivered() {
        return recipients.stream().allMatch(RecipientResult::delivered);
    }

    /** The results with the given status. */
    public List<RecipientResult> withStatus(RecipientResult.Status status) {
        return recipients.stream().filter(r -> r.status() == status).toList();
    }
}
