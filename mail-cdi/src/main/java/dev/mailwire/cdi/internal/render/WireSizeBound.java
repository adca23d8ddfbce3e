package dev.mailwire.cdi.internal.render;

import dev.mailwire.Attachment;
import dev.mailwire.InlinePart;
import dev.mailwire.Mail;
import java.util.List;
import java.util.OptionalLong;

/**
 * An upper bound of the bytes {@link MailRenderer} writes for a mail, computed from the mail's fields without
 * rendering or writing anything. The size limits are checked against it first; only a mail whose bound reaches a
 * limit is written once more to be measured exactly. Measuring every mail cost a second full write of each message
 * (a third of a sending thread's CPU in the benchmark, and twice the time for a large attachment).
 *
 * <p>Generous on purpose: text becomes UTF-8 (at most 3 bytes per Java char), then quoted-printable (at most 3 bytes
 * per byte, plus a 3-byte soft break per 73) or base64, or an RFC 2047 encoded-word in a header (at most 15 bytes of
 * overhead per 45 bytes, plus folding): 12 bytes per char covers every case. Attachments are always base64 (57
 * bytes per 78-byte line). Each field and part gets a fixed allowance for its header name, parameters and MIME
 * boundary, and the message one for the headers the renderer adds itself (Date, Message-ID, MIME-Version, the
 * mailer's From).
 */
public final class WireSizeBound {

    static final long BYTES_PER_CHAR = 12;
    static final long PER_FIELD = 128;
    static final long PER_PART = 1024;
    static final long PER_MESSAGE = 8192;

    private WireSizeBound() {}

    /**
     * @return the bound, or empty when a part's length is not known before it is read (a stream of unknown length)
     */
    public static OptionalLong of(Mail mail) {
        long bound = PER_MESSAGE;
        bound += text(mail.from().orElse(""));
        bound += texts(mail.to()) + texts(mail.cc()) + texts(mail.replyTo());
        bound += text(mail.subject().orElse(""));
        for (Mail.Header header : mail.headers()) {
            bound += text(header.name()) + text(header.value());
        }
        bound += mail.text().map(t -> PER_PART + text(t)).orElse(0L);
        bound += mail.html().map(h -> PER_PART + text(h)).orElse(0L);
        for (Attachment a : mail.attachments()) {
            OptionalLong part = attachment(a, "");
            if (part.isEmpty()) {
                return OptionalLong.empty();
            }
            bound += part.getAsLong();
        }
        for (InlinePart inline : mail.inlines()) {
            OptionalLong part = attachment(inline.attachment(), inline.contentId());
            if (part.isEmpty()) {
                return OptionalLong.empty();
            }
            bound += part.getAsLong();
        }
        return OptionalLong.of(bound);
    }

    private static OptionalLong attachment(Attachment a, String contentId) {
        OptionalLong size = a.size();
        if (size.isEmpty()) {
            return OptionalLong.empty();
        }
        long base64 = (size.getAsLong() + 56) / 57 * 78;
        // The name appears twice (Content-Type's name, Content-Disposition's filename), RFC 2231-encoded.
        return OptionalLong.of(PER_PART + base64 + 2 * text(a.name()) + text(a.contentType()) + text(contentId));
    }

    private static long texts(List<String> values) {
        long sum = 0;
        for (String v : values) {
            sum += text(v);
        }
        return sum;
    }

    private static long text(String value) {
        return PER_FIELD + BYTES_PER_CHAR * value.length();
    }
}
