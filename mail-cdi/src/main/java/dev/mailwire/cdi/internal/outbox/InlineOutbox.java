package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.outbox.RecipientState;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.OutboxSource;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * For {@code mock=true}: a committed mail is recorded into the mock mailbox by the committing thread itself, in
 * afterCompletion, so a test that commits and then looks into {@code MockMailbox} finds it there. Recording is an
 * add to a list: nothing blocks or goes over the network, which is why this alone may run on that thread.
 */
final class InlineOutbox extends Outbox {

    private static final Logger LOG = Logger.getLogger(InlineOutbox.class.getName());

    private final OutcomeRecorder recorder;

    InlineOutbox(OutcomeRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public Held hold(MessageSpool message, String messageId, List<String> recipients) {
        List<RecipientState> states =
                recipients.stream().map(RecipientState::pending).toList();
        return new Held(
                null,
                () -> {
                    try {
                        Attempt.Result r = recorder.attempt(new StoredMessage(message), messageId, states);
                        recorder.finished(null, messageId, r.allDelivered(), r, 1);
                    } catch (MessagingException | RuntimeException e) {
                        LOG.log(Level.WARNING, "Mailer '" + recorder.mailer() + "': " + messageId + " not recorded", e);
                    }
                },
                message::close);
    }

    /** Nothing ever waits: a mail is recorded as its transaction commits, and the mock mailbox refuses nothing. */
    @Override
    public OutboxSource source() {
        OutboxFigures none = new OutboxFigures(0, null, 0);
        return () -> none;
    }

    @Override
    public void close() {}
}
