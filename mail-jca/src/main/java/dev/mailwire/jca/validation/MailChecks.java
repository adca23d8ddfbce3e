package dev.mailwire.jca.validation;

import dev.mailwire.jca.JcaMessages;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The implementation behind {@link dev.mailwire.jca.MessageValidator}, which is the entry point to use; public only
 * because it lives in its own package.
 */
public final class MailChecks {

    private MailChecks() {}

    public static String validate(String mailer, MimeMessage message, Address[] recipients) {
        Objects.requireNonNull(message, "message");
        // First: another Angus's SMTPMessage would lose its envelope options however valid the rest is.
        ForeignSmtpMessage.check(mailer, message);
        try {
            // Before saving, which sets an encoding on every part that has none: see LongLines.
            Set<MimePart> identityEncoded = LongLines.declaredIdentity(message);
            String messageId = SavedForm.save(mailer, message);
            boolean utf8 = SmtpUtf8.writtenAsUtf8(message);
            new PartWalk(mailer, identityEncoded, utf8).walk(message);
            SmtpEnvelopeOptions.check(mailer, message);
            Address[] from = message.getFrom();
            if (from == null || from.length == 0) {
                throw Problems.of(JcaMessages.NO_FROM, mailer, "from");
            }
            Address[] envelope = recipients != null ? recipients : message.getAllRecipients();
            if (envelope == null || Addresses.checkEnvelope(mailer, "recipient", envelope, utf8) == 0) {
                throw Problems.of(JcaMessages.NO_RECIPIENT, mailer, "recipient");
            }
            return messageId;
        } catch (MessagingException e) {
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, mailer, "message", null, Problems.escape(e.getMessage()));
        }
    }

    public static String escaped(String text) {
        return Problems.escape(text);
    }

    public static void checkText(String mailer, String field, String value) {
        Objects.requireNonNull(value, field);
        int bad = Text.firstForbiddenInText(value);
        if (bad >= 0) {
            throw Problems.invalid(JcaMessages.LINE_BREAK_OR_CONTROL, mailer, field, value, Text.reasonAt(value, bad));
        }
    }

    public static void checkHeaderName(String mailer, String name) {
        RawHeader.checkName(mailer, "header name", name);
        RefusedHeaders.check(mailer, "header " + name, name);
    }

    public static InternetAddress parseAddress(String mailer, String field, String value) {
        Objects.requireNonNull(value, field);
        return Addresses.parseOne(mailer, field, value);
    }

    public static String checkMessageId(String mailer, String value) {
        String id = checkId(mailer, "message-id", value);
        int at = id.indexOf('@');
        if (at <= 0 || at == id.length() - 1 || id.indexOf('@', at + 1) >= 0) {
            throw Problems.invalid(JcaMessages.BAD_ID, mailer, "message-id", value, "must have the form id@domain");
        }
        return "<" + id + ">";
    }

    public static String checkContentId(String mailer, String value) {
        return checkId(mailer, "content-id", value);
    }

    public static void checkSize(String mailer, long size, OptionalLong serverLimit, long configuredMax) {
        if (serverLimit.isPresent() && serverLimit.getAsLong() > 0 && size > serverLimit.getAsLong()) {
            throw Problems.of(JcaMessages.TOO_LARGE_FOR_SERVER, mailer, "size", size, serverLimit.getAsLong());
        }
        if (configuredMax > 0 && size > configuredMax) {
            throw Problems.of(JcaMessages.TOO_LARGE, mailer, "size", size, configuredMax);
        }
    }

    /** A msg-id's inside (RFC 5322 §3.6.4, RFC 2392): printable ASCII, no white space, no angle brackets. */
    private static String checkId(String mailer, String field, String value) {
        Objects.requireNonNull(value, field);
        String id = value.length() >= 2 && value.startsWith("<") && value.endsWith(">")
                ? value.substring(1, value.length() - 1)
                : value;
        if (id.isEmpty()) {
            throw Problems.invalid(JcaMessages.BAD_ID, mailer, field, null, "is empty");
        }
        int bad = Text.firstOutsideGraphicAscii(id);
        if (bad >= 0) {
            char c = id.charAt(bad);
            String reason = c == ' ' ? "contains a space at index " + bad : Text.reasonAt(id, bad);
            throw Problems.invalid(JcaMessages.BAD_ID, mailer, field, value, reason);
        }
        if (id.indexOf('<') >= 0 || id.indexOf('>') >= 0) {
            throw Problems.invalid(JcaMessages.BAD_ID, mailer, field, value, "contains an angle bracket inside the id");
        }
        return id;
    }
}
