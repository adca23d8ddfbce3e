package dev.mailwire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail to send: immutable, built with {@link #builder()}, safe to share between threads and to send more than once
 * (each send gets a new Message-ID unless {@link Builder#messageId(String) one is fixed}).
 *
 * <pre>{@code
 * Mail mail = Mail.builder()
 *         .to("ada@example.org")
 *         .subject("Your invoice")
 *         .text("Hello Ada, ...")
 *         .html("<p>Hello Ada, ...<img src=\"cid:logo\"></p>")
 *         .inline("logo", Attachment.of(Path.of("logo.png")))
 *         .attachment(Attachment.of(Path.of("invoice.pdf")))
 *         .build();
 * }</pre>
 *
 * <p>Addresses are plain strings ({@code ada@example.org} or {@code Ada Lovelace <ada@example.org>}); they, the
 * subject and the headers are checked when the mail is sent, and an invalid one fails the send with an
 * {@link InvalidMailException} naming the field. Without a {@code from}, the mailer's configured {@code from} is
 * used.
 */
public final class Mail {

    /** A custom header, for example {@code X-Campaign: spring}. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String from;
    private final List<String> to;
    private final List<String> cc;
    private final List<String> bcc;
    private final List<String> replyTo;
    private final String subject;
    private final String text;
    private final String html;
    private final List<Attachment> attachments;
    private final List<InlinePart> inlines;
    private final List<Header> headers;
    private final String messageId;
    private final List<String> unsubscribe;
    private final boolean oneClickUnsubscribe;
    private final String bounceAddress;

    private Mail(Builder b) {
        from = b.from;
        to = List.copyOf(b.to);
        cc = List.copyOf(b.cc);
        bcc = List.copyOf(b.bcc);
        replyTo = List.copyOf(b.replyTo);
        subject = b.subject;
        text = b.text;
        html = b.html;
        attachments = List.copyOf(b.attachments);
        inlines = List.copyOf(b.inlines);
        headers = List.copyOf(b.headers);
        messageId = b.messageId;
        unsubscribe = List.copyOf(b.unsubscribe);
        oneClickUnsubscribe = b.oneClickUnsubscribe;
        bounceAddress = b.bounceAddress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this mail's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to.addAll(to);
        b.cc.addAll(cc);
        b.bcc.addAll(bcc);
        b.replyTo.addAll(replyTo);
        b.subject = subject;
        b.text = text;
        b.html = html;
        b.attachments.addAll(attachments);
        b.inlines.addAll(inlines);
        b.headers.addAll(headers);
        b.messageId = messageId;
        b.unsubscribe.addAll(unsubscribe);
        b.oneClickUnsubscribe = oneClickUnsubscribe;
        b.bounceAddress = bounceAddress;
        return b;
    }

    /** The sender; empty to use the mailer's configured {@code from}. */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    public List<String> to() {
        return to;
    }

    public List<String> cc() {
        return cc;
    }

    public List<String> bcc() {
        return bcc;
    }

    public List<String> replyTo() {
        return replyTo;
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** The plain-text body. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The HTML body. */
    public Optional<String> html() {
        return Optional.ofNullable(html);
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** The parts the HTML body refers to by {@code cid:}, in the order added. */
    public List<InlinePart> inlines() {
        return inlines;
    }

    /** The custom headers, in the order added. */
    public List<Header> headers() {
        return headers;
    }

    /** The fixed Message-ID; empty to have one generated when the mail is rendered for a send. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The {@code List-Unsubscribe} URIs (RFC 2369), {@code mailto:} and {@code https:}, in the order added. */
    public List<String> unsubscribe() {
        return unsubscribe;
    }

    /**
     * Whether the mail offers one-click unsubscription (RFC 8058): a {@code List-Unsubscribe-Post:
     * List-Unsubscribe=One-Click} header, and an {@code https:} URI among {@link #unsubscribe()} that receives the
     * POST.
     */
    public boolean oneClickUnsubscribe() {
        return oneClickUnsubscribe;
    }

    /**
     * The envelope sender (SMTP {@code MAIL FROM}) for this mail, where bounces go; empty to use the mailer's
     * {@code bounce-address}, or else the From address. The From header is never changed by it.
     */
    public Optional<String> bounceAddress() {
        return Optional.ofNullable(bounceAddress);
    }

    /** Names the recipients' count and the subject's presence only: addresses and content stay out of logs. */
    @Override
    public String toString() {
        return "Mail[to=" + to.size() + ", cc=" + cc.size() + ", bcc=" + bcc.size() + ", attachments="
                + attachments.size() + ", inlines=" + inlines.size() + "]";
    }

    /** Collects a mail's values. Not thread-safe. Methods taking lists add to what is there. */
    public static final class Builder {

        private String from;
        private final List<String> to = new ArrayList<>();
        private final List<String> cc = new ArrayList<>();
        private final List<String> bcc = new ArrayList<>();
        private final List<String> replyTo = new ArrayList<>();
        private String subject;
        private String text;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<InlinePart> inlines = new ArrayList<>();
        private final List<Header> headers = new ArrayList<>();
        private String messageId;
        private final List<String> unsubscribe = new ArrayList<>();
        private boolean oneClickUnsubscribe;
        private String bounceAddress;

        private Builder() {}

        /** The sender, {@code addr@example.org} or {@code Name <addr@example.org>}. */
        public Builder from(String address) {
            this.from = address;
            return this;
        }

        public Builder to(String... addresses) {
            return add(to, addresses);
        }

        public Builder cc(String... addresses) {
            return add(cc, addresses);
        }

        public Builder bcc(String... addresses) {
            return add(bcc, addresses);
        }

        public Builder replyTo(String... addresses) {
            return add(replyTo, addresses);
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The plain-text body; with {@link #html(String)} as well, the mail offers both (multipart/alternative). */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /** A part the HTML body shows in place, referred to as {@code cid:contentId}. */
        public Builder inline(String contentId, Attachment attachment) {
            inlines.add(new InlinePart(contentId, attachment));
            return this;
        }

        /**
         * A custom header; adding a name twice sends it twice. Headers Mailwire sets itself (From, To, Subject,
         * Message-ID, Date, MIME-Version, Content-*) are refused when the mail is sent: use the builder's methods.
         */
        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        /**
         * A fixed Message-ID ({@code <id@domain>}; the angle brackets may be left out), for example to make a resend
         * recognisable as a duplicate. Without one, each send generates its own, kept across that send's retries.
         */
        public Builder messageId(String messageId) {
            this.messageId = messageId;
            return this;
        }

        /**
         * Adds {@code List-Unsubscribe} URIs (RFC 2369): {@code mailto:} addresses and {@code https:} links, written
         * in the order added. They are checked when the mail is sent: other schemes (such as {@code javascript:}),
         * white space, angle brackets, commas, CR and LF are refused.
         */
        public Builder unsubscribe(String... uris) {
            return add(unsubscribe, uris);
        }

        /**
         * One-click unsubscription (RFC 8058, required by Gmail and Yahoo for bulk senders): adds {@code httpsUri}
         * to the {@code List-Unsubscribe} URIs and a {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
         * header. Mail clients then POST {@code List-Unsubscribe=One-Click} to that URI, without a confirmation page.
         * Only an {@code https:} URI is accepted. When the mailer signs with DKIM, both headers are signed, as the
         * RFC requires.
         */
        public Builder oneClickUnsubscribe(String httpsUri) {
            add(unsubscribe, httpsUri);
            oneClickUnsubscribe = true;
            return this;
        }

        /**
         * The envelope sender for this mail ({@code MAIL FROM}), where delivery failures are reported; for VERP,
         * one address per recipient or per mail ({@code bounces+ada=example.org@example.com}). Overrides the
         * mailer's {@code bounce-address}; the From header stays as it is.
         */
        public Builder bounceAddress(String address) {
            this.bounceAddress = address;
            return this;
        }

        public Mail build() {
            return new Mail(this);
        }

        private Builder add(List<String> list, String... addresses) {
            for (String a : Objects.requireNonNull(addresses, "addresses")) {
                list.add(Objects.requireNonNull(a, "address"));
            }
            return this;
        }
    }
}
