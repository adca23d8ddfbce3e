package dev.mailwire.cdi.internal.render;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.jca.JcaMessages;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.ValidatedMessage;
import dev.mailwire.jca.validation.Problems;
import dev.mailwire.jca.validation.SmtpUtf8;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns a {@link Mail} into a {@link StableIdMessage} ready to send: each caller string checked and each address
 * parsed strictly, once, through {@link MessageValidator}; text in UTF-8; attachments streamed when the message is
 * written; a Date and a Message-ID fixed now, which {@code saveChanges()} and every later write keep; and the whole
 * result checked by {@link MessageValidator#validate}. Thread-safe; one per mailer.
 */
public final class MailRenderer {

    /** RFC 5322 §3.3 date-time, numeric zone; thread-safe, unlike Jakarta Mail's MailDateFormat. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private final String mailer;
    private final InternetAddress defaultFrom;
    private final String messageIdDomain;
    private final InternetAddress bounceAddress;

    public MailRenderer(String mailer, String defaultFrom, String messageIdDomain) {
        this(mailer, defaultFrom, messageIdDomain, null);
    }

    /**
     * @param mailer the mailer's name, for error messages
     * @param defaultFrom the mailer's configured {@code from}, used when a mail has none; null for none
     * @param messageIdDomain the domain of generated Message-IDs; null to take the From address's domain
     * @param bounceAddress the mailer's envelope sender (MAIL FROM), when a mail sets none; null for the From address
     * @throws MailerConfigurationException if {@code defaultFrom}, {@code messageIdDomain} or {@code bounceAddress}
     *     is invalid
     */
    public MailRenderer(String mailer, String defaultFrom, String messageIdDomain, String bounceAddress) {
        this.mailer = mailer;
        this.defaultFrom = defaultFrom == null ? null : configured("from", () -> parse("from", defaultFrom));
        this.messageIdDomain = messageIdDomain == null
                ? null
                : configured("message-id-domain", () -> {
                    MessageValidator.checkMessageId(mailer, "x@" + messageIdDomain);
                    return messageIdDomain;
                });
        this.bounceAddress = bounceAddress == null
                ? null
                : configured("bounce-address", () -> envelope("bounce-address", bounceAddress));
    }

    /**
     * Renders {@code mail} for {@code session}. Reads no attachment content: that happens when the message is
     * written.
     *
     * @throws InvalidMailException naming the field at fault
     */
    public StableIdMessage render(Mail mail, Session session) {
        return (StableIdMessage) renderChecked(mail, session).message();
    }

    /**
     * As {@link #render}, keeping the validator's word that the message was checked, so that the send path does not
     * check it a second time.
     */
    public ValidatedMessage renderChecked(Mail mail, Session session) {
        try {
            InternetAddress from = mail.from().map(f -> parse("from", f)).orElse(defaultFrom);
            if (from == null) {
                throw Problems.of(JcaMessages.NO_FROM, mailer, "from");
            }
            if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
                throw Problems.of(JcaMessages.NO_RECIPIENT, mailer, "to");
            }
            InternetAddress[] to = parseAll("to", mail.to());
            InternetAddress[] cc = parseAll("cc", mail.cc());
            InternetAddress[] bcc = parseAll("bcc", mail.bcc());
            InternetAddress[] replyTo = parseAll("reply-to", mail.replyTo());
            String messageId = mail.messageId()
                    .map(id -> MessageValidator.checkMessageId(mailer, id))
                    .orElseGet(() -> MessageIds.generate(mailer, messageIdDomain, from));
            boolean international = Stream.of(new InternetAddress[] {from}, to, cc, bcc, replyTo)
                    .filter(Objects::nonNull)
                    .flatMap(Arrays::stream)
                    .anyMatch(a -> !StandardCharsets.US_ASCII.newEncoder().canEncode(a.getAddress()));
            StableIdMessage message = new StableIdMessage(international ? utf8(session) : session, messageId);
            setAddresses(message, "From", new InternetAddress[] {from});
            InternetAddress bounce =
                    mail.bounceAddress().map(b -> envelope("bounce-address", b)).orElse(bounceAddress);
            if (bounce != null) {
                // MAIL FROM only: the From header stays the author's. Checked as every envelope address is.
                message.setEnvelopeFrom(bounce.getAddress());
            }
            setAddresses(message, "To", to);
            setAddresses(message, "Cc", cc);
            setAddresses(message, "Bcc", bcc);
            setAddresses(message, "Reply-To", replyTo);
            if (mail.subject().isPresent()) {
                MessageValidator.checkHeaderValue(
                        mailer, "subject", mail.subject().get());
                message.setSubject(mail.subject().get(), Parts.UTF_8);
            }
            // Not setSentDate: it formats under one JVM-wide lock, which sending threads queue on.
            message.setHeader("Date", DATE.format(ZonedDateTime.now()));
            new CustomHeaders(mailer).addAll(message, mail.headers());
            new UnsubscribeHeaders(mailer).add(message, mail);
            new BodyTree(mailer).fill(message, mail);
            // Saves, then checks the message as it will be written.
            return MessageValidator.validated(mailer, message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailerException(mailer, Messages.NOT_RENDERED.format(mailer, e.getMessage()), e);
        }
    }

    /**
     * A session like {@code session} that writes the message as UTF-8 (RFC 6532), for a mail with a non-ASCII local
     * part: such a mail is sent only with SMTPUTF8, and refused by a server that does not offer it. Made per such
     * mail, which is rare; every other mail is written in ASCII as before.
     */
    private static Session utf8(Session session) {
        Properties p = new Properties();
        p.putAll(session.getProperties());
        p.setProperty(SmtpUtf8.ALLOW_UTF8, "true");
        return Session.getInstance(p);
    }

    /**
     * Sets an address header as Angus's {@code setRecipients} does in an ASCII message: display names MIME-encoded.
     * In a message written as UTF-8, Angus's setters would write them raw ({@code toUnicodeString}); only a local part
     * may be raw UTF-8. Null leaves the header out.
     */
    private static void setAddresses(StableIdMessage message, String name, InternetAddress[] addresses)
            throws MessagingException {
        if (addresses == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, InternetAddress.toString(addresses, name.length() + 2));
        }
    }

    /** Null for an empty list: {@link #setAddresses} then leaves the header out. */
    private InternetAddress[] parseAll(String field, List<String> addresses) {
        if (addresses.isEmpty()) {
            return null;
        }
        InternetAddress[] parsed = new InternetAddress[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = parse(field, addresses.get(i));
        }
        return parsed;
    }

    /** An envelope address: a bare address, since a display name has no place in MAIL FROM. */
    private InternetAddress envelope(String field, String value) {
        InternetAddress address = parse(field, value);
        if (address.getPersonal() != null) {
            throw new InvalidMailException(mailer, field, Messages.ENVELOPE_DISPLAY_NAME.format(mailer, field));
        }
        return address;
    }

    private InternetAddress parse(String field, String value) {
        return MessageValidator.parseAddress(mailer, field, value);
    }

    private <T> T configured(String key, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidMailException e) {
            throw new MailerConfigurationException(mailer, key, e.getMessage());
        }
    }
}
