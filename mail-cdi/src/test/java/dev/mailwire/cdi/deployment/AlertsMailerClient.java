package dev.mailwire.cdi.deployment;

import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects the mailer named {@code alerts} through a constructor parameter. */
@Dependent
public class AlertsMailerClient {

    public final Mailer mailer;

    @Inject
    public AlertsMailerClient(@MailerName("alerts") Mailer mailer) {
        this.mailer = mailer;
    }
}
