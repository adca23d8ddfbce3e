package dev.mailwire.jca.validation;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.JcaMessages;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Set;

/**
 * Walks every header of a saved message and of each of its MIME parts: the headers as they will be written. It
 * descends only into multipart content, whose object is already in memory (built with {@code setContent(Multipart)}
 * or parsed from a message). A part's own content is read only for a part listed as declaring an identity
 * transfer encoding ({@link LongLines}); a streamed attachment in base64 is never read. A {@code message/rfc822}
 * part is body content for SMTP and is not descended into.
 */
final class PartWalk {

    /** Deeper nesting than any real mail; bounds the walk on a hostile message. */
    static final int MAX_DEPTH = 16;

    private final String mailer;
    private final Parameters parameters;
    private final Set<MimePart> identityEncoded;
    private final boolean utf8;

    /**
     * @param identityEncoded the parts whose lines to check, from {@link LongLines#declaredIdentity}
     * @param utf8 whether the message is written as UTF-8: its address headers may hold non-ASCII local parts
     */
    PartWalk(String mailer, Set<MimePart> identityEncoded, boolean utf8) {
        this.mailer = mailer;
        this.parameters = new Parameters(mailer);
        this.identityEncoded = identityEncoded;
        this.utf8 = utf8;
    }

    void walk(MimePart message) throws MessagingException {
        walk(message, "", 0);
    }

    private void walk(MimePart part, String where, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            throw Problems.of(JcaMessages.TOO_DEEP, mailer, "message", MAX_DEPTH);
        }
        try {
            parameters.check(part);
            checkHeaders(part, depth == 0);
            if (identityEncoded.contains(part)) {
                checkLines(part);
            }
        } catch (InvalidMailException e) {
            throw depth == 0
                    ? e
                    : new InvalidMailException(e.mailer(), e.field(), e.getMessage() + " (MIME part " + where + ")");
        }
        if (!isMultipart(part)) {
            return;
        }
        Object content;
        try {
            content = part.getContent();
        } catch (IOException e) {
            throw Problems.invalid(
                    JcaMessages.UNREADABLE_MESSAGE, mailer, "body", null, Problems.escape(e.getMessage()));
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (multipart.getBodyPart(i) instanceof MimePart child) {
                    walk(child, where.isEmpty() ? String.valueOf(i + 1) : where + "." + (i + 1), depth + 1);
                }
            }
        }
    }

    /**
     * Asks the DataHandler, not the Content-Type header: before {@code saveChanges()} a part given a Multipart has
     * no Content-Type header yet, and {@code isMimeType} would answer text/plain.
     */
    static boolean isMultipart(MimePart part) throws MessagingException {
        String type = part.getDataHandler().getContentType();
        try {
            return type != null && new ContentType(type).match("multipart/*");
        } catch (ParseException e) {
            return false;
        }
    }

    private void checkHeaders(MimePart part, boolean topLevel) throws MessagingException {
        Enumeration<Header> headers = part.getAllHeaders();
        while (headers.hasMoreElements()) {
            Header header = headers.nextElement();
            String name = header.getName();
            RawHeader.checkName(mailer, "header name", name);
            String field = Fields.of(name);
            if (topLevel) {
                RefusedHeaders.check(mailer, field, name);
            }
            boolean addresses = topLevel && Fields.isAddressHeader(name);
            String value =
                    RawHeader.checkAndUnfold(mailer, field, name, header.getValue(), addresses, addresses && utf8);
            if (addresses) {
                Addresses.checkHeader(mailer, field, value, utf8);
            } else {
                EncodedWords.refuseHiddenBreaks(mailer, field, value, "");
            }
        }
    }

    private void checkLines(MimePart part) throws MessagingException {
        long line = LongLines.firstLongLine(part);
        if (line > 0) {
            throw Problems.of(JcaMessages.LONG_BODY_LINE, mailer, "body", line, LongLines.MAX_LINE, part.getEncoding());
        }
    }
}
