package dev.mailwire.bench.transactions;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import jakarta.inject.Inject;

/** An application bean with the default mailer, sending one order confirmation. */
public class TransactionalSender {

    private static final Mail MAIL = Mail.builder()
            .from("bench@example.test")
            .to("sink@example.test")
            .subject("order confirmed")
            .text("Your order is confirmed.\r\n")
            .build();

    @Inject
    Mailer mailer;

    SendResult send() {
        return mailer.send(MAIL);
    }
}
