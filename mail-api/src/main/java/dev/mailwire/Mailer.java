package dev.mailwire;

import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.CompletionStage;

/**
 * Sends mail through one configured SMTP server. Inject the default mailer with {@code @Inject Mailer mailer}, a
 * named one with {@code @Inject @MailerName("billing") Mailer billing}. Implementations are thread-safe.
 *
 * <p>Every send first validates the mail (addresses parsed strictly, no CR, LF or control characters in headers,
 * size within the server's limit) and throws {@link InvalidMailException} before anything is sent or queued. Other
 * failures are reported as the {@link MailerException} subtypes: {@link MailerConfigurationException},
 * {@link SmtpConnectionException}, {@link SmtpTlsException}, {@link SmtpAuthenticationException},
 * {@link SendTimeoutException}, {@link PoolExhaustedException} and {@link MailRejectedException} (no recipient was
 * accepted).
 *
 * <p><b>Transactions.</b> With the mailer's {@code transactional} setting at {@code auto} (the default) and a JTA
 * transaction active, a send only validates the mail and records it in the outbox as part of the transaction; the
 * mail is delivered after commit, at least once, and never on rollback. The returned result then reports a deferred
 * send ({@link SendResult#isDeferred()}): it carries the Message-ID the mail will be delivered with, and each
 * recipient as {@link RecipientResult.Status#QUEUED}. Outside a transaction (or with {@code transactional=never}) a send
 * delivers now and reports what the server answered for each recipient.
 */
public interface Mailer {

    /** The name of the unnamed default mailer, as reported by {@link #name()} and {@link MailerException#mailer()}. */
    String DEFAULT_NAME = "<default>";

    /**
     * Renders, validates and sends {@code mail}.
     *
     * @return the Message-ID and one result per recipient
     * @throws InvalidMailException if the mail is invalid; nothing was sent
     * @throws MailRejectedException if the server accepted no recipient
     * @throws MailerException for the other failures, by subtype
     */
    SendResult send(Mail mail);

    /**
     * Validates and sends a message built by the caller, to its To, Cc and Bcc recipients. The message's
     * Message-ID is kept if it has one.
     *
     * @return the Message-ID and one result per recipient
     * @throws InvalidMailException if the message is invalid; nothing was sent
     * @throws MailRejectedException if the server accepted no recipient
     * @throws MailerException for the other failures, by subtype
     */
    SendResult send(MimeMessage message);

    /**
     * Like {@link #send(Mail)} but on the mailer's executor (a managed executor in a server). Invalid mail is still
     * reported synchronously by throwing {@link InvalidMailException}; the other failures complete the stage
     * exceptionally with a {@link MailerException}.
     */
    CompletionStage<SendResult> sendAsync(Mail mail);

    /** This mailer's name: the value of its {@link MailerName}, or {@link #DEFAULT_NAME}. */
    String name();
}
