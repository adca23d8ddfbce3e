package dev.mailwire;

import java.util.Objects;

/**
 * What the server answered for one recipient.
 *
 * @param address the recipient address as sent in RCPT TO
 * @param status DELIVERED (2xx, accepted by the server), DEFERRED (4xx, try later), REJECTED (5xx, permanent), or
 *     QUEUED (not sent yet: held until the JTA transaction commits)
 * @param code the server's reply code, or 0 when the server has not answered for this recipient
 * @param reply the server's reply text, for logs and support
 */
public record RecipientResult(String address, Status status, int code, String reply) {

    /** The outcome for one recipient. */
    public enum Status {
        /** The server accepted the message for this recipient (a 2xx reply). */
        DELIVERED,
        /** A transient failure (a 4xx reply): the same mail may be accepted later. */
        DEFERRED,
        /** A permanent failure (a 5xx reply): do not retry. */
        REJECTED,
        /** Not sent yet: the mail is held until the JTA transaction it was sent in commits. */
        QUEUED;

        /** Classifies an SMTP reply code. */
        public static Status ofReplyCode(int code) {
            if (code >= 200 && code < 300) {
                return DELIVERED;
            }
            return code >= 500 ? REJECTED : DEFERRED;
        }
    }

    public RecipientResult {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        reply = reply == null ? "" : reply;
    }

    public boolean delivered() {
        return status == Status.DELIVERED;
    }
}
