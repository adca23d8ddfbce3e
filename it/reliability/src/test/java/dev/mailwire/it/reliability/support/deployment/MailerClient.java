package dev.mailwire.it.reliability.support.deployment;

import dev.mailwire.Mailer;
import jakarta.inject.Inject;

/** Injects the default mailer, as an application does. */
public class MailerClient {

    @Inject
    Mailer mailer;

    public Mailer mailer() {
        return mailer;
    }
}
