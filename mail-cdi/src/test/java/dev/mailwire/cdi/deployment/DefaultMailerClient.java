package dev.mailwire.cdi.deployment;

import dev.mailwire.Mailer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Injects the default mailer. */
@Dependent
public class DefaultMailerClient {

    @Inject
    public Mailer mailer;
}
