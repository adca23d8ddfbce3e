package dev.mailwire.cdi.tx.deployment;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The inner bean: its own transaction (REQUIRES_NEW) suspends the caller's. */
@ApplicationScoped
public class Receipts {

    @Inject
    Mailer mailer;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void issue(String to, String label, boolean commits) {
        mailer.send(Mail.builder().to(to).subject(label + " inner").text("t").build());
        if (!commits) {
            throw new Orders.Failure(label + ": inner rolls back");
        }
    }
}
