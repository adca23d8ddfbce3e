package dev.mailwire.cdi.internal.render;

import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Set;

/** Adds a mail's custom headers: checked, MIME-encoded when not ASCII, folded when long. */
final class CustomHeaders {

    /** Set by the renderer from the Mail's own fields; a custom header would contradict or duplicate them. */
    private static final Set<String> RESERVED = Set.of(
            "from",
            "to",
            "cc",
            "bcc",
            "reply-to",
            "subject",
            "message-id",
            "date",
            "mime-version",
            "list-unsubscribe",
            "list-unsubscribe-post",
            "dkim-signature");

    private final String mailer;

    CustomHeaders(String mailer) {
        this.mailer = mailer;
    }

    void addAll(MimeMessage message, Iterable<Mail.Header> headers) throws MessagingException {
        for (Mail.Header header : headers) {
            add(message, header.name(), header.value());
        }
    }

    private void add(MimeMessage message, String name, String value) throws MessagingException {
        MessageValidator.checkHeaderName(mailer, name);
        String field = "header " + name;
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || lower.startsWith("content-")) {
            throw new InvalidMailException(mailer, field, Messages.RESERVED_HEADER.format(mailer, field));
        }
        MessageValidator.checkHeaderValue(mailer, field, value);
        // The value holds no CR or LF (checked above), so folding adds the only line breaks, each before a space.
        message.addHeader(name, MimeUtility.fold(name.length() + 2, encode(value)));
    }

    /** RFC 2047 encoded-words for non-ASCII text: only an address may be raw UTF-8, and only in a mail sent with SMTPUTF8. */
    private static String encode(String value) {
        try {
            return MimeUtility.encodeText(value, Parts.UTF_8, null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
