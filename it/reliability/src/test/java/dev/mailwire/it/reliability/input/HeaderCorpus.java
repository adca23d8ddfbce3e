package dev.mailwire.it.reliability.input;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every header-like field and address form Mailwire takes, each with every separator an attacker could use to start
 * a new header or SMTP command line (and the bidirectional controls that disguise a name), followed by an injected
 * header and command that name the attack domain. Each case comes in two forms: through the {@code Mail} builder,
 * and written with Angus's raw setters into a {@code MimeMessage} (for {@code Mailer.send(MimeMessage)} and the bare
 * JCA connection), including the forms only a {@code MimeMessage} has: content types from a DataHandler or
 * DataSource, and RFC 2231 / RFC 2047 encoded parameters.
 */
final class HeaderCorpus {

    /**
     * One hostile input: which field, which separator, and its two forms.
     *
     * @param mail builds the builder form; null where the builder cannot express the field (it encodes parameters
     *     itself); a builder that throws refused it before it could be sent
     * @param message writes the raw form into a valid message
     */
    record Case(String field, String separator, Function<Mail.Builder, Mail.Builder> mail, MessageForm message) {
        @Override
        public String toString() {
            return field + " with " + separator;
        }
    }

    @FunctionalInterface
    interface MessageForm {
        void write(MimeMessage message) throws Exception;
    }

    /** What follows the separator: a header line, and an SMTP command line, both easy to find on the wire. */
    static final String PAYLOAD = "X-Injected: 1 RCPT TO:<x@evil.test>";

    static final String[][] SEPARATORS = {
        {"CR LF", "\r\n"},
        {"bare LF", "\n"},
        {"bare CR", "\r"},
        {"CR LF + space (folding)", "\r\n "},
        {"NUL", "\u0000"},
        {"BEL", "\u0007"},
        {"ESC", "\u001b"},
        {"DEL", "\u007f"},
        {"NEL (U+0085)", "\u0085"},
        {"LINE SEPARATOR (U+2028)", "\u2028"},
        {"U+560D U+560A (CVE-2025-7962)", "\u560d\u560a"},
        {"RLO (U+202E)", "\u202e"},
        {"RLI (U+2067)", "\u2067"},
    };

    private static final byte[] BYTES = "data".getBytes(StandardCharsets.US_ASCII);

    private HeaderCorpus() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] sep : SEPARATORS) {
            String s = sep[0];
            String x = sep[1] + PAYLOAD;
            cases.add(new Case("subject", s, m -> m.subject("Hello" + x), m -> m.setHeader("Subject", "Hello" + x)));
            cases.add(new Case(
                    "custom header value", s, m -> m.header("X-Tag", "v" + x), m -> m.setHeader("X-Tag", "v" + x)));
            cases.add(new Case(
                    "custom header name",
                    s,
                    m -> m.header("X-Tag" + sep[1] + "X-Injected", "1"),
                    m -> m.setHeader("X-Tag" + sep[1] + "X-Injected", "1")));
            cases.add(new Case(
                    "from",
                    s,
                    m -> m.from("app" + x + "@example.test"),
                    m -> m.setFrom(unchecked("app" + x + "@example.test"))));
            cases.add(new Case(
                    "to",
                    s,
                    m -> m.to("ada" + x + "@example.test"),
                    m -> m.addRecipient(RecipientType.TO, unchecked("ada" + x + "@example.test"))));
            cases.add(new Case(
                    "cc", s, m -> m.cc("bob@example.test" + x), m -> m.setHeader("Cc", "bob@example.test" + x)));
            cases.add(new Case(
                    "bcc",
                    s,
                    m -> m.bcc("<carol@example.test>" + x),
                    m -> m.setHeader("Bcc", "<carol@example.test>" + x)));
            cases.add(new Case(
                    "reply-to",
                    s,
                    m -> m.replyTo("dan@example.test" + x),
                    m -> m.setHeader("Reply-To", "dan@example.test" + x)));
            cases.add(new Case(
                    "display name",
                    s,
                    m -> m.to("\"Ada" + x + "\" <ada@example.test>"),
                    m -> m.setRecipient(
                            RecipientType.TO, new InternetAddress("ada@example.test", "Ada" + x, "UTF-8"))));
            cases.add(new Case(
                    "quoted local part",
                    s,
                    m -> m.to("\"ada" + x + "\"@example.test"),
                    m -> m.setHeader("To", "\"ada" + x + "\"@example.test")));
            cases.add(new Case(
                    "group name",
                    s,
                    m -> m.to("team" + x + ": ada@example.test;"),
                    m -> m.setHeader("To", "team" + x + ": ada@example.test;")));
            cases.add(new Case(
                    "attachment name",
                    s,
                    m -> m.attachment(Attachment.of("a" + x + ".txt", "text/plain", BYTES)),
                    m -> attach(m, p -> p.setFileName("a" + x + ".txt"))));
            cases.add(new Case(
                    "attachment type",
                    s,
                    m -> m.attachment(Attachment.of("a.txt", "text/plain" + x, BYTES)),
                    m -> attach(m, p -> p.setDataHandler(dataHandler("text/plain" + x)))));
            cases.add(new Case(
                    "inline content-id",
                    s,
                    m -> m.inline("logo" + x, Attachment.of("l.png", "image/png", BYTES)),
                    m -> attach(m, p -> p.setContentID("<logo" + x + ">"))));
            cases.add(new Case(
                    "message-id",
                    s,
                    m -> m.messageId("<id" + x + "@example.test>"),
                    m -> m.setHeader("Message-ID", "<id" + x + "@example.test>")));
            // Content types that become headers only when the message is saved (issue 11, finding 1).
            String quoted = "; charset=us-ascii; x=\"" + x + "\"";
            cases.add(new Case(
                    "content type given to setContent",
                    s,
                    m -> m.attachment(Attachment.of("a.txt", "text/plain" + quoted, BYTES)),
                    m -> m.setContent("body", "text/plain" + quoted)));
            cases.add(new Case(
                    "content type of a DataSource",
                    s,
                    m -> m.attachment(Attachment.of("a.bin", "application/octet-stream" + quoted, BYTES)),
                    m -> attach(m, p -> p.setDataHandler(dataHandler("application/octet-stream" + quoted)))));
            // Encoded parameters, as a mail client decodes them.
            cases.add(new Case(
                    "RFC 2231 file name",
                    s,
                    null,
                    m -> attach(
                            m,
                            p -> p.setHeader(
                                    "Content-Disposition", "attachment; filename*=UTF-8''a" + percent(x) + ".txt"))));
            String word = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(x.getBytes(StandardCharsets.UTF_8)) + "?=";
            cases.add(new Case(
                    "RFC 2047 file name",
                    s,
                    m -> m.attachment(Attachment.of("a" + word + ".txt", "text/plain", BYTES)),
                    m -> attach(m, p -> p.setHeader("Content-Type", "text/plain; name=\"a" + word + ".txt\""))));
        }
        return cases;
    }

    /** A valid message with {@code form} written into it. */
    static MimeMessage message(MessageForm form) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("app@example.test");
        message.setRecipients(RecipientType.TO, "ada@example.test");
        message.setSubject("s");
        message.setText("t");
        form.write(message);
        return message;
    }

    private static void attach(MimeMessage message, PartForm attachment) throws Exception {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("t", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(dataHandler("text/plain"));
        file.setDisposition("attachment");
        attachment.write(file);
        message.setContent(new MimeMultipart(text, file));
    }

    @FunctionalInterface
    private interface PartForm {
        void write(MimeBodyPart part) throws Exception;
    }

    private static DataHandler dataHandler(String type) {
        return new DataHandler(new ByteArrayDataSource(BYTES, type));
    }

    private static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An address as a caller could build it without parsing: Angus's constructor checks nothing. */
    private static InternetAddress unchecked(String address) {
        InternetAddress a = new InternetAddress();
        a.setAddress(address);
        return a;
    }
}
