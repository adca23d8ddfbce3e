package dev.mailwire.cdi.testkitusage;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Application code under test: greets by the default mailer, bills by the billing mailer. */
@ApplicationScoped
public class Greeter {

    @Inject
    Mailer mailer;

    @Inject
    @MailerName("billing")
    Mailer billing;

    public void greet(String address) {
        mailer.send(Mail.builder().to(address).subject("Welcome").text("Hello!").build());
    }

    public void bill(String address) {
        billing.send(Mail.builder()
                .to(address)
                .subject("Invoice")
                .text("Please pay.")
                .build());
    }
}
