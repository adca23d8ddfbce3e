package dev.mailwire.cdi.deployment;

import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects a mailer whose name clashes with the default mailer's {@code pool.*} keys. */
@Dependent
public class ReservedNameClient {

    @Inject
    @MailerName("pool")
    Mailer mailer;
}
