package dev.mailwire.cdi.outbox;

import dev.mailwire.RecipientResult;
import dev.mailwire.cdi.internal.outbox.StoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where one recipient of an outbox entry stands. The state is kept per recipient so that a recipient the server
 * accepted (250) is never sent the mail again when another recipient of the same mail is retried.
 *
 * <p>Beyond the specifications: a Mailwire API (read through {@link OutboxAdmin}).
 *
 * @param address the envelope recipient
 * @param status PENDING until the server accepts (DELIVERED) or refuses it for good (REJECTED)
 * @param code the server's last reply code for it, 0 when none yet
 * @param reply the server's last reply text, or the connection failure
 */
public record RecipientState(String address, Status status, int code, String reply) {

    /** A recipient's state. */
    public enum Status {
        /** Not accepted yet: sent again at the next attempt. */
        PENDING,
        /** Accepted by the server: never sent again. */
        DELIVERED,
        /** Refused for good (5xx): not sent again unless requeued. */
        REJECTED
    }

    public RecipientState {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        // One line per recipient in the table (no tab or line break), and nothing a database refuses (NUL).
        reply = StoredText.clean(reply);
    }

    public static RecipientState pending(String address) {
        return new RecipientState(address, Status.PENDING, 0, "");
    }

    /** As the API reports it: PENDING becomes DEFERRED (when the server answered or failed) or QUEUED. */
    public RecipientResult toResult() {
        RecipientResult.Status s = switch (status) {
            case DELIVERED -> RecipientResult.Status.DELIVERED;
            case REJECTED -> RecipientResult.Status.REJECTED;
            case PENDING ->
                code == 0 && reply.isEmpty() ? RecipientResult.Status.QUEUED : RecipientResult.Status.DEFERRED;
        };
        return new RecipientResult(address, s, code, reply);
    }

    /**
     * The column form: one line per recipient, {@code STATUS TAB code TAB address TAB reply}. Addresses never hold
     * a tab or line break (the validator refuses control characters), and replies are flattened above.
     */
    public static String encode(List<RecipientState> states) {
        StringBuilder b = new StringBuilder();
        for (RecipientState s : states) {
            b.append(s.status.name().charAt(0))
                    .append('\t')
                    .append(s.code)
                    .append('\t')
                    .append(s.address)
                    .append('\t')
                    .append(s.reply)
                    .append('\n');
        }
        return b.toString();
    }

    public static List<RecipientState> decode(String column) {
        List<RecipientState> states = new ArrayList<>();
        for (String line : column.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            Status status = switch (f[0]) {
                case "D" -> Status.DELIVERED;
                case "R" -> Status.REJECTED;
                default -> Status.PENDING;
            };
            states.add(new RecipientState(f[2], status, Integer.parseInt(f[1]), f.length > 3 ? f[3] : ""));
        }
        return states;
    }
}
