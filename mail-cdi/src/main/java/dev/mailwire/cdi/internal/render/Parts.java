package dev.mailwire.cdi.internal.render;

import dev.mailwire.Attachment;
import dev.mailwire.jca.MessageValidator;
import dev.mailwire.jca.validation.Problems;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;

/** Builds the leaf and container parts of a rendered mail. */
final class Parts {

    static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final String mailer;

    Parts(String mailer) {
        this.mailer = mailer;
    }

    /**
     * A text part in UTF-8. Line breaks are made CRLF here, so the bytes the outbox stores are canonical too; on the
     * wire Angus's SMTPOutputStream would canonicalize them anyway.
     */
    MimeBodyPart text(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        setText(part, text, subtype);
        return part;
    }

    /** Sets a text body, canonical and in UTF-8, with the transfer encoding its text needs (see {@link TextEncoding}). */
    static void setText(MimePart part, String text, String subtype) throws MessagingException {
        String canonical = canonical(text);
        part.setText(canonical, UTF_8, subtype);
        // After setText, which drops the content headers; saveChanges() keeps an encoding that is set.
        part.setHeader("Content-Transfer-Encoding", TextEncoding.of(canonical));
    }

    /** {@code text} with every line break (CR, LF or CRLF) made CRLF; the same string when it has only CRLF. */
    static String canonical(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '\r' || c == '\n') {
                return canonical(text, i);
            }
        }
        return text;
    }

    /** Copies {@code text}, making line breaks CRLF from {@code from} on (everything before is canonical). */
    private static String canonical(String text, int from) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, from);
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append("\r\n");
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append("\r\n");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    MimeBodyPart container(MimeMultipart content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content);
        return part;
    }

    /**
     * An attachment ({@code contentId} null) or an inline part. Content-Transfer-Encoding is set to base64 up
     * front: left unset, {@code saveChanges()} would read the whole content once just to choose an encoding, which
     * costs a second pass over a large file and breaks a single-use stream. The name parameters are encoded as UTF-8
     * (RFC 2231) whatever the platform charset is.
     */
    MimeBodyPart attachment(Attachment attachment, String contentId) throws MessagingException {
        String name = attachment.name();
        MessageValidator.checkHeaderValue(mailer, "attachment name", name);
        ContentType type = contentType(attachment.contentType());
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new AttachmentDataSource(attachment)));
        type.setParameterList(withParameter(type.getParameterList(), "name", name));
        part.setHeader("Content-Type", type.toString());
        part.setHeader("Content-Transfer-Encoding", "base64");
        ContentDisposition disposition = new ContentDisposition(contentId == null ? Part.ATTACHMENT : Part.INLINE);
        disposition.setParameterList(withParameter(null, "filename", name));
        part.setHeader("Content-Disposition", disposition.toString());
        if (contentId != null) {
            part.setContentID("<" + contentId + ">");
        }
        return part;
    }

    private ContentType contentType(String value) {
        MessageValidator.checkHeaderValue(mailer, "attachment content-type", value);
        ContentType type;
        try {
            type = new ContentType(value);
        } catch (ParseException e) {
            throw Problems.invalid(
                    mailer, "attachment content-type", "is not a MIME type (" + e.getMessage() + ")", value);
        }
        // The validator descends into multipart content, which would read a streamed attachment whole.
        if (type.match("multipart/*")) {
            throw Problems.invalid(
                    mailer,
                    "attachment content-type",
                    "is multipart; attach a message as message/rfc822 or the content as application/octet-stream",
                    value);
        }
        return type;
    }

    private static ParameterList withParameter(ParameterList list, String name, String value) {
        ParameterList out = list == null ? new ParameterList() : list;
        out.set(name, value, UTF_8);
        return out;
    }
}
