package dev.mailwire.cdi.internal.send;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.MailerException;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.dkim.SignedMessage;
import dev.mailwire.cdi.internal.render.WireSizeBound;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.jca.JcaMessages;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.ValidatedMessage;
import dev.mailwire.jca.validation.Problems;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The {@link Mailer} behind {@code @Inject Mailer}: checks each mail completely in the caller's thread (render,
 * validate, approved-recipients, configured size) before a connection is borrowed or anything is queued, then hands
 * it to its {@link Delivery}. Mock mode differs only in the delivery, so a mock send fails exactly where a real one
 * would.
 */
public final class ConfiguredMailer implements Mailer, AutoCloseable {

    /** Turns a {@link Mail} into a validated message with a fixed Message-ID. */
    @FunctionalInterface
    interface Renderer {
        ValidatedMessage render(Mail mail);

        /**
         * The form in which an application's validated message is sent: the message itself, or a DKIM-signed copy
         * whose bytes are final (validated in turn).
         */
        default ValidatedMessage seal(ValidatedMessage checked) {
            return checked;
        }
    }

    private static final Logger LOG = Logger.getLogger(ConfiguredMailer.class.getName());

    private final String name;
    private final Renderer renderer;
    private final RecipientGuard guard;
    private final long maxMessageSize;
    private final Delivery delivery;
    private final AsyncSender async;
    private final MailerMonitor monitor;
    private volatile boolean closed;

    ConfiguredMailer(
            String name,
            Renderer renderer,
            RecipientGuard guard,
            long maxMessageSize,
            Delivery delivery,
            AsyncSender async,
            MailerMonitor monitor) {
        this.name = name;
        this.renderer = renderer;
        this.guard = guard;
        this.maxMessageSize = maxMessageSize;
        this.delivery = delivery;
        this.async = async;
        this.monitor = monitor;
    }

    @Override
    public SendResult send(Mail mail) {
        return deliver(prepare(mail));
    }

    @Override
    public SendResult send(MimeMessage message) {
        ensureOpen();
        // Saved by the validator before it is checked and measured: what is checked and counted is what is sent.
        ValidatedMessage checked = renderer.seal(MessageValidator.validated(name, message, recipients(message)));
        return deliver(prepare(checked, measured(checked.message())));
    }

    @Override
    public CompletionStage<SendResult> sendAsync(Mail mail) {
        // Checked here, so invalid mail throws to the caller and only good mail waits in the queue.
        PreparedMail prepared = prepare(mail);
        if (delivery.holdsOnThisThread()) {
            // Inside a transaction the send only records the mail, and it must be recorded on this thread: an
            // executor thread does not see the transaction and would send before, or despite, the commit.
            return CompletableFuture.completedFuture(deliver(prepared));
        }
        return async.submit(() -> deliver(prepared));
    }

    @Override
    public String name() {
        return name;
    }

    /** The renderer validates what it renders: one validation, by the one validator. */
    private PreparedMail prepare(Mail mail) {
        ensureOpen();
        ValidatedMessage checked = renderer.render(mail);
        MimeMessage message = checked.message();
        if (!Rendering.measurable(mail)) {
            return prepare(checked, MessageSize.unknown());
        }
        OptionalLong bound = WireSizeBound.of(mail);
        MessageSize bounded = bound.isPresent() ? MessageSize.atMost(bound.getAsLong()) : null;
        // Within the configured maximum already: no second write of the whole message just to count it.
        // A signed copy is in memory and a little larger than the rendering bound: counted exactly.
        boolean useBound = bounded != null && bounded.fits(maxMessageSize) && !(message instanceof SignedMessage);
        MessageSize size = useBound ? bounded : measured(message);
        return prepare(checked, size);
    }

    /** The exact size, checked against the configured maximum here, in the caller's thread. */
    private MessageSize measured(MimeMessage message) {
        long size = MessageBytes.measure(name, message);
        MessageValidator.checkSize(name, size, OptionalLong.empty(), maxMessageSize);
        return MessageSize.exactly(size);
    }

    private PreparedMail prepare(ValidatedMessage checked, MessageSize size) {
        RecipientGuard.Split split = guard.split(recipients(checked.message()));
        for (String address : split.dropped()) {
            LOG.info(
                    Messages.RECIPIENT_DROPPED.format(name, address, MailerKey.APPROVED_RECIPIENTS.propertyName(name)));
        }
        return new PreparedMail(checked, split.approved(), split.dropped(), size);
    }

    /** Not guarded by {@link #ensureOpen()}: sends queued before close still go out while the executor drains. */
    private SendResult deliver(PreparedMail mail) {
        if (mail.recipients().length == 0) {
            LOG.info(Messages.ALL_DROPPED.format(
                    name, MailerKey.APPROVED_RECIPIENTS.propertyName(name), mail.messageId()));
            return new SendResult(mail.messageId(), List.of(), mail.dropped(), null);
        }
        SendResult result = delivery.deliver(mail);
        monitor.returned(result); // held for a transaction, or a mock send: no SMTP attempt reported it
        if (mail.dropped().isEmpty() || !result.dropped().isEmpty()) {
            return result;
        }
        return new SendResult(result.messageId(), result.recipients(), mail.dropped(), result.deferral());
    }

    private Address[] recipients(MimeMessage message) {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, name, "to", null, MessageValidator.escaped(e.getMessage()));
        }
        if (recipients == null || recipients.length == 0) {
            throw Problems.of(JcaMessages.NO_RECIPIENT, name, "to");
        }
        return recipients;
    }

    private void ensureOpen() {
        if (closed) {
            throw new MailerException(name, Messages.MAILER_CLOSED.format(name));
        }
    }

    /** Stops taking mail, lets queued asynchronous sends finish (bounded), then closes the pool. */
    @Override
    public void close() {
        closed = true;
        try {
            async.close();
        } finally {
            try {
                delivery.close();
            } finally {
                monitor.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Mailer[" + name + "]";
    }
}
