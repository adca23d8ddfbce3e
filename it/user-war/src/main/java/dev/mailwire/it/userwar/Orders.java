package dev.mailwire.it.userwar;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Application code as a user writes it: a stateless EJB (container-managed transaction, REQUIRED) that mails a
 * confirmation. The transactional mailer delivers after commit, nothing when the transaction rolls back.
 */
@Stateless
public class Orders {

    @Inject
    Mailer mailer;

    @Resource
    SessionContext context;

    /** Mails the confirmation; the transaction then commits, or is marked rollback-only when {@code cancel}. */
    public void place(String to, String subject, boolean cancel) {
        mailer.send(confirmation(to, subject));
        if (cancel) {
            context.setRollbackOnly();
        }
    }

    static Mail confirmation(String to, String subject) {
        return Mail.builder()
                .to(to)
                .subject(subject)
                .text("Sent by the user's WAR of the Mailwire integration suite.\n")
                .build();
    }
}
