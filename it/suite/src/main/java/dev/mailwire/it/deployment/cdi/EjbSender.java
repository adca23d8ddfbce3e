package dev.mailwire.it.deployment.cdi;

import dev.mailwire.Mailer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * {@code @Inject Mailer} in a stateless EJB. Every method runs in a container-managed transaction (REQUIRED), so a
 * transactional mailer delivers after commit and nothing on rollback.
 */
@Stateless
public class EjbSender {

    @Inject
    Mailer mailer;

    @Resource
    SessionContext context;

    public int send(int count, String to, String subject) {
        for (int i = 0; i < count; i++) {
            mailer.send(Mails.to(to, subject + " " + i));
        }
        return count;
    }

    /** Sends, then the transaction commits: the mail goes out. */
    public void sendAndCommit(String to, String subject) {
        mailer.send(Mails.to(to, subject));
    }

    /** Sends, then marks the transaction for rollback: nothing may go out. */
    public void sendAndSetRollbackOnly(String to, String subject) {
        mailer.send(Mails.to(to, subject));
        context.setRollbackOnly();
    }

    /** Sends, then fails with a system exception, which rolls the transaction back: nothing may go out. */
    public void sendAndThrow(String to, String subject) {
        mailer.send(Mails.to(to, subject));
        throw new IllegalStateException("the business logic failed after send (expected by the test)");
    }
}
