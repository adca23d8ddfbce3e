package dev.mailwire.jca;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.validation.MailChecks;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;

/**
 * The one place that decides whether a message may go on the wire. Every path (MailConnection, the mailers, the
 * outbox) calls it before anything is sent or queued; the renderer uses its string checks before it puts caller
 * values into a message.
 *
 * <p>It checks the message <em>as it will be written</em>: {@link #validate} first saves the message's changes,
 * which is when Angus turns a content type given to {@code setContent} or carried by a DataSource into a
 * Content-Type header, then checks what was saved. Checking before saving let such a type put a {@code Bcc:} line or
 * a whole MIME part on the wire.
 *
 * <p>What it refuses, and why:
 *
 * <ul>
 *   <li>CR or LF in a header other than a proper fold (CRLF followed by a space or tab and more text), bare CR or
 *       LF, NUL and other control characters, non-ASCII characters in a header as sent (CVE-2025-7962: only an
 *       address's local part, in a message written as UTF-8 for SMTPUTF8), lines over 998 octets, and header names
 *       outside RFC 5322 ftext. Values are
 *       checked again after unfolding and MIME decoding (RFC 2047 encoded-words wherever they stand, and RFC 2231
 *       parameters), so an encoded CR or LF is refused too.
 *   <li>Addresses (From, Sender, Reply-To, To, Cc, Bcc, Resent-*, and the envelope recipients) that do not parse
 *       strictly, or whose address part holds anything but printable ASCII without white space (a message whose
 *       session sets {@code mail.mime.allowutf8} may have a non-ASCII local part, checked by code point: it is sent
 *       only with SMTPUTF8), or whose display name holds CR, LF, controls or bidirectional override and isolate
 *       characters.
 *   <li>Attachment names (decoded) and Content-IDs in every MIME part, by the same rules.
 *   <li>{@code Return-Path} and {@code Sender} headers: the first is the receiving server's to add, the second a
 *       second identity claim nobody verifies.
 *   <li>A body line over 998 octets in a part whose caller declared 7bit, 8bit or binary (RFC 5322 §2.1.1).
 *   <li>An Angus {@code SMTPMessage} from another class loader than the adapter's (the application bundles its own
 *       angus-mail): the transport could not read its envelope options and would drop them without a word.
 * </ul>
 *
 * <p>Body line endings need no check here: Angus writes DATA through {@code SMTPOutputStream}, a
 * {@code CRLFOutputStream} that turns every bare CR and bare LF into CRLF and dot-stuffs each line, so a body cannot
 * end DATA early or smuggle a second message (tested in {@code BodyLineEndingsCanonicalOnTheWireTest}).
 *
 * <p>Every failure is an {@link InvalidMailException} whose {@link InvalidMailException#field() field} names what is
 * wrong ({@code to}, {@code subject}, {@code header X-Tag}, {@code attachment name}, {@code content-id},
 * {@code recipient}, {@code body}, {@code message}, {@code size}) and whose message quotes the value escaped and
 * truncated.
 */
public final class MessageValidator {

    private MessageValidator() {}

    /**
     * Saves {@code message}'s changes as writing it would, keeping a Message-ID the caller set, then checks the
     * envelope recipients and every header of the message and of its parts as they will be written. Reads an
     * attachment's content only where its caller declared an identity transfer encoding (7bit, 8bit, binary), to
     * check its line lengths.
     *
     * @param recipients the envelope recipients, or null when they are the message's To, Cc and Bcc
     * @return the Message-ID the message will be sent with
     * @throws InvalidMailException naming the field at fault
     */
    public static String validate(String mailer, MimeMessage message, Address[] recipients) {
        return MailChecks.validate(mailer, message, recipients);
    }

    /**
     * As {@link #validate}, for Mailwire's own send path: the result lets a Mailwire connection send the message
     * without checking it a second time. The message must not be changed before it is sent.
     *
     * @param recipients the envelope recipients; not null
     */
    public static ValidatedMessage validated(String mailer, MimeMessage message, Address[] recipients) {
        String messageId = validate(mailer, message, recipients);
        return new ValidatedMessage(mailer, message, messageId, recipients);
    }

    /**
     * Checks a header value from the caller, before it is encoded into a message: no CR or LF at all (Mailwire's
     * rendering folds nothing the caller wrote), no controls other than TAB, no unpaired surrogates. Non-ASCII text
     * is allowed: the renderer MIME-encodes it.
     *
     * @param field the name errors report, such as {@code subject}, {@code header X-Tag} or {@code attachment name}
     */
    public static void checkHeaderValue(String mailer, String field, String value) {
        MailChecks.checkText(mailer, field, value);
    }

    /**
     * Checks a header name from the caller against RFC 5322 ftext (errors report the field {@code header name}), and
     * refuses {@code Return-Path} and {@code Sender} (field {@code header Sender}), as {@link #validate} does.
     */
    public static void checkHeaderName(String mailer, String name) {
        MailChecks.checkHeaderName(mailer, name);
    }

    /**
     * Parses one address from the caller ({@code ada@example.org} or {@code Ada <ada@example.org>}) strictly, and
     * checks it as {@link #validate} would. A display name is set to be encoded as UTF-8.
     */
    public static InternetAddress parseAddress(String mailer, String field, String value) {
        return MailChecks.parseAddress(mailer, field, value);
    }

    /**
     * Checks a Message-ID from the caller and returns it in angle brackets: {@code id@domain} or
     * {@code <id@domain>}, printable ASCII without white space; errors report the field {@code message-id}.
     */
    public static String checkMessageId(String mailer, String value) {
        return MailChecks.checkMessageId(mailer, value);
    }

    /**
     * Checks a Content-ID from the caller and returns it without angle brackets (as HTML refers to it after
     * {@code cid:}); errors report the field {@code content-id}.
     */
    public static String checkContentId(String mailer, String value) {
        return MailChecks.checkContentId(mailer, value);
    }

    /**
     * Checks a message's size in bytes against the server's SIZE (RFC 1870; 0 means no fixed limit) and against a
     * configured maximum (0 or less for none). Both apply when both are known.
     *
     * @throws InvalidMailException with field {@code size}, naming the size and the limit exceeded
     */
    public static void checkSize(String mailer, long size, OptionalLong serverLimit, long configuredMax) {
        MailChecks.checkSize(mailer, size, serverLimit, configuredMax);
    }

    /**
     * A library's error text, which may quote the caller's value with its line breaks, made safe to put in an error
     * message or a log line: CR, LF, controls and non-ASCII escaped ({@code \r}, {@code \u560a}), cut after 200
     * characters.
     */
    public static String escaped(String text) {
        return MailChecks.escaped(text);
    }
}
