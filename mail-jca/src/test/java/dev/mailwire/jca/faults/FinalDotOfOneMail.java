package dev.mailwire.jca.faults;

import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;

/**
 * A fake server that answers the final dot of one mail, the one whose text holds a marker, with a fault, and every
 * other mail as a good server does: the held-dot tests fault the first mail and need the next one to go through.
 */
final class FinalDotOfOneMail {

    private FinalDotOfOneMail() {}

    /** After the final dot of the mail containing {@code marker}, does {@code action} instead of the 250. */
    static Behaviour answered(String marker, Action action) {
        return new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage message) {
                return message.text().contains(marker) ? action : Action.proceed();
            }
        };
    }
}
