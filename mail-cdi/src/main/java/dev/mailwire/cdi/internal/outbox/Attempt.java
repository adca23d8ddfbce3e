package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailRejectedException;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.internal.send.Delivery;
import dev.mailwire.cdi.internal.send.MessageSize;
import dev.mailwire.cdi.internal.send.PreparedMail;
import dev.mailwire.cdi.outbox.RecipientState;
import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery attempt of a held mail, to its recipients still pending, and what it changed. Replies are kept per
 * recipient: 2xx delivered, 5xx rejected, 4xx (and a send that failed before the server answered) still pending.
 * A mail the server can never take (larger than its SIZE) is rejected for every pending recipient.
 */
final class Attempt {

    /**
     * @param recipients every recipient, with its state after the attempt
     * @param error why the attempt did not deliver to everyone, or null
     */
    record Result(List<RecipientState> recipients, String error) {

        boolean anyPending() {
            return recipients.stream().anyMatch(r -> r.status() == RecipientState.Status.PENDING);
        }

        boolean allDelivered() {
            return recipients.stream().allMatch(r -> r.status() == RecipientState.Status.DELIVERED);
        }
    }

    private Attempt() {}

    static Result run(Delivery delivery, StoredMessage message, String messageId, List<RecipientState> before) {
        List<String> pending = before.stream()
                .filter(r -> r.status() == RecipientState.Status.PENDING)
                .map(RecipientState::address)
                .toList();
        if (pending.isEmpty()) {
            return new Result(before, null);
        }
        Address[] to;
        try {
            to = addresses(pending);
        } catch (AddressException e) {
            // Stored only after the validator accepted it; a row edited by hand could hold anything.
            return mark(before, RecipientState.Status.REJECTED, "unparsable recipient: " + e.getMessage());
        }
        try {
            // Exactly the stored bytes, measured when stored: the size is checked against the server's SIZE.
            SendResult sent = delivery.deliver(
                    new PreparedMail(message, messageId, to, List.of(), MessageSize.exactly(message.wireSize())));
            return merge(before, sent.recipients(), null);
        } catch (MailRejectedException e) {
            List<RecipientResult> replies =
                    e.result() == null ? List.of() : e.result().recipients();
            return merge(before, replies, e.getMessage());
        } catch (InvalidMailException e) {
            // Retrying cannot help: the message itself is refused (too large for the server, say).
            return mark(before, RecipientState.Status.REJECTED, e.getMessage());
        } catch (RuntimeException e) {
            // Connection refused, TLS or AUTH failure, timeout, pool exhausted: all transient for the mail.
            return mark(before, RecipientState.Status.PENDING, String.valueOf(e.getMessage()));
        }
    }

    private static Result merge(List<RecipientState> before, List<RecipientResult> replies, String error) {
        Map<String, RecipientResult> byAddress = new HashMap<>();
        replies.forEach(r -> byAddress.put(r.address(), r));
        List<RecipientState> after = new ArrayList<>();
        String firstFailure = error;
        for (RecipientState r : before) {
            RecipientResult reply = byAddress.get(r.address());
            if (r.status() != RecipientState.Status.PENDING || reply == null) {
                after.add(r);
                continue;
            }
            RecipientState.Status status = switch (reply.status()) {
                case DELIVERED -> RecipientState.Status.DELIVERED;
                case REJECTED -> RecipientState.Status.REJECTED;
                default -> RecipientState.Status.PENDING;
            };
            if (status != RecipientState.Status.DELIVERED && firstFailure == null) {
                firstFailure = reply.address() + ": " + reply.code() + " " + reply.reply();
            }
            after.add(new RecipientState(r.address(), status, reply.code(), reply.reply()));
        }
        return new Result(after, firstFailure);
    }

    private static Result mark(List<RecipientState> before, RecipientState.Status status, String why) {
        List<RecipientState> after = new ArrayList<>();
        for (RecipientState r : before) {
            after.add(
                    r.status() == RecipientState.Status.PENDING ? new RecipientState(r.address(), status, 0, why) : r);
        }
        return new Result(after, why);
    }

    private static Address[] addresses(List<String> pending) throws AddressException {
        Address[] addresses = new Address[pending.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(pending.get(i), true);
        }
        return addresses;
    }
}
