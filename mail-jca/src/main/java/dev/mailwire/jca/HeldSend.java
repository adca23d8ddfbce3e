package dev.mailwire.jca;

import dev.mailwire.MailRejectedException;
import dev.mailwire.SendResult;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * A send whose final dot was held ({@link StagedSmtpTransport#holdNextDot}): its envelope was answered, every
 * recipient accepted, its content and dot written; its result waits for the reply to the dot, which the next user of
 * the connection reads. That reply alone decides the result, exactly as Angus would have decided it: 250 delivers to
 * every recipient as their RCPT replies said, anything else refuses the mail for all of them. No reply (the
 * connection broke, or the send deadline closed it) is a failure that says the mail may have been accepted.
 */
final class HeldSend implements StagedSmtpTransport.HeldDot {

    private final MailSettings settings;
    private final MimeMessage message;
    private final Address[] recipients;
    private final AtomicBoolean deadlinePassed;
    private final Runnable settled;
    private final Runnable answered;
    private final CompletableFuture<SendResult> result = new CompletableFuture<>();
    /** How Angus ended the send (with reportsuccess, an exception chaining each RCPT reply); null if it returned. */
    private volatile MessagingException angusEnd;

    /**
     * @param deadlinePassed set by the send's deadline, which stays armed until the reply is read
     * @param settled run once the outcome is known, before the result completes: cancels the deadline
     * @param answered run when the server replied: counts the send as answered on this connection
     */
    HeldSend(
            MailSettings settings,
            MimeMessage message,
            Address[] recipients,
            AtomicBoolean deadlinePassed,
            Runnable settled,
            Runnable answered) {
        this.settings = settings;
        this.message = message;
        this.recipients = recipients.clone();
        this.deadlinePassed = deadlinePassed;
        this.settled = settled;
        this.answered = answered;
    }

    /** Records how Angus ended the send, its per-recipient replies inside; called before the dot's reply is read. */
    void ended(MessagingException e) {
        this.angusEnd = e;
    }

    CompletableFuture<SendResult> result() {
        return result;
    }

    @Override
    public void replied(int code, String reply) {
        settled.run();
        answered.run();
        MessagingException end = angusEnd;
        try {
            if (end == null && code == 250) {
                result.complete(SendResults.allAccepted(message, recipients, code, reply));
                return;
            }
            // What Angus throws after a final dot with reportsuccess: the dot's reply and every RCPT reply before it.
            SMTPSendFailedException asAngus = new SMTPSendFailedException(
                    ".",
                    code,
                    reply,
                    end == null ? null : end.getNextException(),
                    code == 250 ? recipients : null,
                    code == 250 ? null : recipients,
                    null);
            result.complete(SendResults.fromReplies(settings.mailer(), message, recipients, asAngus));
        } catch (MailRejectedException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    @Override
    public void lost(Exception cause) {
        settled.run();
        SendFailure f = Failures.send(settings, cause, StagedSmtpTransport.Stage.FINAL_DOT, deadlinePassed.get());
        result.completeExceptionally(f.error());
    }
}
