package dev.mailwire.it.deployment.cdi;

import dev.mailwire.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code @Inject Mailer} in an application-scoped CDI bean, outside any transaction: sends at once. */
@ApplicationScoped
public class BeanSender {

    @Inject
    Mailer mailer;

    public int send(int count, String to, String subject) {
        for (int i = 0; i < count; i++) {
            mailer.send(Mails.to(to, subject + " " + i));
        }
        return count;
    }
}
