package dev.mailwire.cdi.internal.send;

import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.MockMailbox;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/** {@code mock=true}: records into the {@link MockMailbox} what a real send would have sent, and opens no socket. */
final class MockDelivery implements Delivery {

    /** The reply a mock send reports for each recipient, shaped like Postfix's. */
    static final String REPLY = "2.0.0 Ok: recorded by MockMailbox, not sent";

    private final String mailer;
    private final MockMailbox mailbox;

    MockDelivery(String mailer, MockMailbox mailbox) {
        this.mailer = mailer;
        this.mailbox = mailbox;
    }

    @Override
    public SendResult deliver(PreparedMail mail) {
        List<String> addresses = new ArrayList<>();
        List<RecipientResult> results = new ArrayList<>();
        for (Address a : mail.recipients()) {
            String address = a instanceof InternetAddress ia ? ia.getAddress() : a.toString();
            addresses.add(address);
            results.add(new RecipientResult(address, RecipientResult.Status.DELIVERED, 250, REPLY));
        }
        mailbox.record(new MockMailbox.SentMail(mailer, mail.message(), mail.messageId(), addresses));
        return new SendResult(mail.messageId(), results);
    }
}
