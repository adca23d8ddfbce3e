package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailerException;
import dev.mailwire.RecipientResult;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.send.Delivery;
import dev.mailwire.cdi.internal.send.PreparedMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code transactional=auto}: inside a JTA transaction, a mail is kept (in the outbox table through the
 * transaction's own DataSource, or in memory) and handed to the dispatcher once the transaction has committed;
 * outside one it goes to the immediate delivery at once. The mail was validated before it got here, so invalid
 * mail has thrown in the caller's transaction already; what is kept is the rendered bytes, Message-ID fixed, and
 * every attempt sends exactly those.
 */
public final class TransactionalDelivery implements Delivery {

    private static final Logger LOG = Logger.getLogger(TransactionalDelivery.class.getName());
    private static final String HELD = "held until the transaction commits";

    private final String mailer;
    private final TransactionSupport transactions;
    private final Delivery immediate;
    private final Outbox outbox;
    private final long maxMessageSize;

    TransactionalDelivery(
            String mailer, TransactionSupport transactions, Delivery immediate, Outbox outbox, long maxMessageSize) {
        this.mailer = mailer;
        this.transactions = transactions;
        this.immediate = immediate;
        this.outbox = outbox;
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Whether a mail delivered from the calling thread now would be held for its transaction rather than sent.
     * {@code sendAsync} must then deliver on the caller's thread (holding only records the mail): on an executor
     * thread the transaction is not seen and the mail would go out before, or despite, the commit.
     */
    public boolean holdsOnThisThread() {
        return transactions.state() != TransactionSupport.State.NONE;
    }

    @Override
    public SendResult deliver(PreparedMail mail) {
        TransactionSupport.State state = transactions.state();
        switch (state) {
            case NONE:
                return immediate.deliver(mail);
            case DOOMED:
                // The transaction will roll back (setRollbackOnly, or its timeout passed): nothing is ever sent.
                LOG.log(Level.FINE, "Mailer {0}: transaction will roll back; {1} is not sent", new Object[] {
                    mailer, mail.messageId()
                });
                return held(mail, null, false);
            case COMPLETING:
                throw new MailerException(
                        mailer,
                        OutboxMessages.TRANSACTION_UNUSABLE.format(
                                mailer, mail.messageId(), "it is already completing"));
            default:
                return hold(mail);
        }
    }

    private SendResult hold(PreparedMail mail) {
        MessageSpool message = render(mail);
        Outbox.Held held = outbox.hold(message, mail.messageId(), addresses(mail.recipients()));
        try {
            transactions.afterCompletion(committed -> {
                try {
                    if (committed) {
                        held.committed();
                    } else {
                        held.rolledBack();
                    }
                } catch (RuntimeException | Error e) {
                    // Never into the transaction manager: it would log and swallow it, or worse. With an outbox
                    // the sweeper still finds the row.
                    LOG.log(Level.SEVERE, "Mailer " + mailer + ": " + mail.messageId() + " not handed over", e);
                }
            });
        } catch (RuntimeException e) {
            held.rolledBack(); // nothing will call it: give back the memory the mail holds
            // The row (if any) is in this transaction: it rolls back with it, or, if the caller commits anyway, the
            // sweeper delivers it.
            throw new MailerException(
                    mailer, OutboxMessages.TRANSACTION_UNUSABLE.format(mailer, mail.messageId(), e), e);
        }
        return held(mail, held.entry(), outbox.durable());
    }

    /**
     * The message to keep, written once (to a file past a megabyte, never whole in heap) and counted while it is
     * written: a mail whose size was unknown (a single-use stream) is stopped as soon as it passes the configured
     * maximum, inside the caller's transaction, before anything is stored.
     */
    private MessageSpool render(PreparedMail mail) {
        try {
            return MessageSpool.write(mail.message(), maxMessageSize);
        } catch (MessageSpool.TooLarge e) {
            throw new InvalidMailException(
                    mailer,
                    "size",
                    Messages.TOO_LARGE_TO_HOLD.format(
                            mailer, MailerKey.MAX_MESSAGE_SIZE.propertyName(mailer), maxMessageSize));
        } catch (IOException | MessagingException e) {
            throw new InvalidMailException(
                    mailer, "message", Messages.UNREADABLE_MESSAGE.format(mailer, e.getMessage()));
        }
    }

    private SendResult held(PreparedMail mail, String entry, boolean durable) {
        List<RecipientResult> queued = new ArrayList<>();
        for (String address : addresses(mail.recipients())) {
            queued.add(new RecipientResult(address, RecipientResult.Status.QUEUED, 0, HELD));
        }
        return new SendResult(mail.messageId(), queued, mail.dropped(), new SendResult.Deferral(entry, durable));
    }

    private static List<String> addresses(Address[] recipients) {
        List<String> list = new ArrayList<>(recipients.length);
        for (Address a : recipients) {
            list.add(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
        }
        return list;
    }

    /** Stops the dispatcher first (it sends through the immediate delivery), then the pool. */
    @Override
    public void close() {
        try {
            outbox.close();
        } finally {
            immediate.close();
        }
    }
}
