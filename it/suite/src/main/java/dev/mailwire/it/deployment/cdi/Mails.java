package dev.mailwire.it.deployment.cdi;

import dev.mailwire.Mail;

/** The test message; the sender is the mailer's configured {@code from}. */
final class Mails {

    private Mails() {}

    static Mail to(String to, String subject) {
        return Mail.builder()
                .to(to)
                .subject(subject)
                .text("Sent by the Mailwire integration suite.\n")
                .build();
    }
}
