package dev.mailwire.cdi.tx.deployment;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A business bean: an outer transaction that sends a mail and calls a REQUIRES_NEW one that sends another. */
@ApplicationScoped
public class Orders {

    /** Thrown to roll a transaction back. */
    public static class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    @Inject
    Mailer mailer;

    @Inject
    Receipts receipts;

    /** Sends "{@code label} outer", then, in its own transaction, "{@code label} inner". */
    @Transactional
    public void place(String to, String label, boolean outerCommits, boolean innerCommits) {
        mailer.send(Mail.builder().to(to).subject(label + " outer").text("t").build());
        try {
            receipts.issue(to, label, innerCommits);
        } catch (Failure expected) {
            // the inner transaction rolled back on its own; the outer one decides for itself
        }
        if (!outerCommits) {
            throw new Failure(label + ": outer rolls back");
        }
    }
}
