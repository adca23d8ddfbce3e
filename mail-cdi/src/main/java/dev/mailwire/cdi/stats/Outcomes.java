package dev.mailwire.cdi.stats;

import dev.mailwire.MailRejectedException;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import java.time.Instant;

/** Reads a send's result, or the exception it threw, as a {@link SendEvent}. */
final class Outcomes {

    private Outcomes() {}

    static SendEvent of(String mailer, SendResult result, Instant start, long nanos) {
        int delivered = 0, deferred = 0, rejected = 0, firstCode = 0, code4xx = 0, code5xx = 0;
        for (RecipientResult r : result.recipients()) {
            firstCode = firstCode == 0 ? r.code() : firstCode;
            switch (r.status()) {
                case DELIVERED -> delivered++;
                case REJECTED -> {
                    rejected++;
                    code5xx = code5xx == 0 ? r.code() : code5xx;
                }
                case DEFERRED, QUEUED -> {
                    deferred++;
                    code4xx = code4xx == 0 ? r.code() : code4xx;
                }
            }
        }
        if (result.isDeferred()) {
            return new SendEvent(mailer, SendOutcome.DEFERRED, null, 0, null, 0, deferred, 0, start, nanos);
        }
        if (rejected == 0 && deferred == 0) {
            return new SendEvent(mailer, SendOutcome.DELIVERED, null, firstCode, null, delivered, 0, 0, start, nanos);
        }
        // The worse class decides: a permanent refusal needs a person, a transient one only time.
        boolean permanent = rejected > 0;
        return new SendEvent(
                mailer,
                SendOutcome.REJECTED,
                permanent ? "5xx" : "4xx",
                permanent ? code5xx : code4xx,
                null,
                delivered,
                deferred,
                rejected,
                start,
                nanos);
    }

    static SendEvent of(String mailer, RuntimeException failure, Instant start, long nanos) {
        if (failure instanceof MailRejectedException refused) {
            SendResult result = refused.result();
            if (result != null && !result.recipients().isEmpty() && !result.allDelivered()) {
                return of(mailer, result, start, nanos);
            }
            // The sender or the message was refused, with no result per recipient.
            return new SendEvent(mailer, SendOutcome.REJECTED, "5xx", 0, null, 0, 0, 0, start, nanos);
        }
        return new SendEvent(mailer, SendOutcome.ERROR, null, 0, ErrorKind.of(failure), 0, 0, 0, start, nanos);
    }
}
