package dev.mailwire.cdi.deployment;

import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects the mailer named {@code billing}. */
@Dependent
public class BillingMailerClient {

    @Inject
    @MailerName("billing")
    public Mailer mailer;
}
