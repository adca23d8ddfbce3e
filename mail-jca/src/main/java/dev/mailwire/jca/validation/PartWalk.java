package dev.mailwire.jca.validation;

import dev.mailwire.InvalidMailException;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Enumeration;

/**
 * Walks every header of a message and of each of its MIME parts. It descends only into multipart content, whose
 * object is already in memory (built with {@code setContent(Multipart)} or parsed from a message); a part's own
 * content, such as a streamed attachment, is never read. A {@code message/rfc822} part is body content for SMTP and
 * is not descended into.
 */
final class PartWalk {

    /** Deeper nesting than any real mail; bounds the walk on a hostile message. */
    static final int MAX_DEPTH = 16;

    private final String mailer;

    PartWalk(String mailer) {
        this.mailer = mailer;
    }

    void walk(MimePart message) throws MessagingException {
        walk(message, "", 0);
    }

    private void walk(MimePart part, String where, int depth) throws MessagingException {
        if (depth > MAX_DEPTH) {
            throw Problems.invalid(mailer, "message", "nests MIME parts more than " + MAX_DEPTH + " deep");
        }
        try {
            checkFileNames(part);
            checkHeaders(part, depth == 0);
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
            throw Problems.invalid(mailer, "body", "multipart content cannot be read (" + e.getMessage() + ")");
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
    private static boolean isMultipart(MimePart part) throws MessagingException {
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
            boolean addresses = topLevel && Fields.isAddressHeader(name);
            String value = RawHeader.checkAndUnfold(mailer, field, name, header.getValue(), addresses);
            if (addresses) {
                Addresses.parseList(mailer, field, value);
            } else {
                checkDecoded(field, value);
            }
        }
    }

    /** An encoded-word may hide CR or LF ({@code =?UTF-8?Q?a=0D=0Ab?=}); a client that decodes it shows a break. */
    private void checkDecoded(String field, String value) {
        String decoded;
        try {
            decoded = MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException e) {
            decoded = value;
        }
        int bad = Text.firstForbiddenInText(decoded);
        if (bad >= 0) {
            throw Problems.invalid(mailer, field, "once decoded " + Text.reasonAt(decoded, bad), decoded);
        }
    }

    /**
     * The file name from Content-Disposition and from Content-Type's {@code name}, both decoded (RFC 2231, RFC
     * 2047), checked first so the error names the attachment name rather than the header that carries it. A header
     * that does not parse is left to the raw header check.
     */
    private void checkFileNames(MimePart part) throws MessagingException {
        String fileName;
        try {
            fileName = part.getFileName();
        } catch (ParseException e) {
            fileName = null;
        }
        checkFileName(fileName);
        String type = part.getHeader("Content-Type", null);
        if (type != null) {
            try {
                checkFileName(new ContentType(type).getParameter("name"));
            } catch (ParseException e) {
                // reported by the raw header check, or harmless
            }
        }
    }

    private void checkFileName(String name) {
        if (name == null) {
            return;
        }
        int bad = Text.firstForbiddenInText(name);
        if (bad >= 0) {
            throw Problems.invalid(mailer, "attachment name", Text.reasonAt(name, bad), name);
        }
    }
}
