package dev.mailwire.examples.quickstart;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What application code looks like: inject the mailer, build a mail, send it. */
@ApplicationScoped
public class Newsletter {

    @Inject
    Mailer mailer;

    public SendResult send(int issue, String... recipients) {
        return mailer.send(Mail.builder()
                .to(recipients)
                .subject("Mailwire quickstart, issue " + issue)
                .text("Hello! This mail went out over a pooled, TLS-protected, authenticated connection.")
                .build());
    }
}
