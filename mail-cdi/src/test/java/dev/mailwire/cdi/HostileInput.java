package dev.mailwire.cdi;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The hostile-input corpus, each attack in two forms: through the {@code Mail} builder, and written into a
 * {@code MimeMessage} with Angus's raw setters (for {@code Mailer.send(MimeMessage)} and the bare JCA connection).
 * Every attack is refused on every path that can express it.
 */
final class HostileInput {

    /**
     * One attack.
     *
     * @param mail the builder form, null where the builder cannot express it (it encodes parameters and chooses
     *     transfer encodings itself)
     * @param message the raw form, applied to a valid message
     */
    record Attack(String name, UnaryOperator<Mail.Builder> mail, MessageAttack message) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface MessageAttack {
        void apply(MimeMessage message) throws Exception;
    }

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private HostileInput() {}

    static List<Attack> corpus() {
        return List.of(
                new Attack(
                        "CRLF in subject",
                        m -> m.subject("Hi\r\nBcc: evil@x.org"),
                        m -> m.setHeader("Subject", "Hi\r\nBcc: evil@x.org")),
                new Attack(
                        "LF in subject",
                        m -> m.subject("Hi\nBcc: evil@x.org"),
                        m -> m.setHeader("Subject", "Hi\nBcc: evil@x.org")),
                new Attack(
                        "CRLF in custom header",
                        m -> m.header("X-Tag", "v\r\nBcc: evil@x.org"),
                        m -> m.setHeader("X-Tag", "v\r\nBcc: evil@x.org")),
                new Attack(
                        "CRLF in address",
                        m -> m.to("a@x.org\r\nRCPT TO:<evil@x.org>"),
                        m -> m.setHeader("To", "a@x.org\r\nRCPT TO:<evil@x.org>")),
                new Attack(
                        "CRLF in display name",
                        m -> m.to("\"Evil\r\nBcc: x\" <a@x.org>"),
                        m -> m.addRecipient(
                                RecipientType.TO,
                                new InternetAddress("a@x.org", "Evil\r\nBcc: x@evil.test", "US-ASCII"))),
                new Attack(
                        "CRLF in attachment name",
                        m -> m.attachment(Attachment.of("a\r\nBcc: x.pdf", "application/pdf", DATA)),
                        m -> attach(m, p -> p.setFileName("a\r\nBcc: x.pdf"))),
                new Attack(
                        "CVE-2025-7962 payload (U+560D U+560A)",
                        m -> m.to("a\u560d\u560aRCPT TO:<e@x.org>@x.org"),
                        m -> m.addRecipient(RecipientType.CC, unchecked("a\u560d\u560aDATA@x.org"))),
                // Non-ASCII local parts, which make a mail sent with SMTPUTF8: what could break a line or reorder
                // text in one is refused.
                new Attack(
                        "U+2028 in a non-ASCII local part",
                        m -> m.to("j\u00f6\u2028rg@x.org"),
                        m -> m.addRecipient(RecipientType.CC, unchecked("j\u00f6\u2028rg@x.org"))),
                new Attack(
                        "NEL in a non-ASCII local part",
                        m -> m.cc("j\u00f6\u0085rg@x.org"),
                        m -> m.setHeader("Cc", "j\u00f6\u0085rg@x.org")),
                new Attack(
                        "RLO in a non-ASCII local part",
                        m -> m.to("j\u00f6\u202erg@x.org"),
                        m -> m.addRecipient(RecipientType.TO, unchecked("j\u00f6\u202erg@x.org"))),
                new Attack(
                        "raw non-ASCII display name",
                        null, // the builder encodes display names
                        m -> m.setHeader("From", "J\u00f6rg <app@example.org>")),
                new Attack(
                        "quoted CRLF + space local part",
                        m -> m.to("\"a\r\n b\"@x.org"),
                        m -> m.setHeader("To", "\"a\r\n b\"@x.org")),
                // A content type that becomes a header only when the message is saved (issue 11, finding 1).
                new Attack(
                        "CRLF in a content type given to setContent",
                        m -> m.attachment(Attachment.of(
                                "a.txt", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\"", DATA)),
                        m -> m.setContent("body", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\"")),
                new Attack(
                        "blank line in a DataSource's content type",
                        m -> m.attachment(Attachment.of(
                                "a.bin", "application/octet-stream; x=\"\r\n\r\n<html>evil.test</html>\"", DATA)),
                        m -> attach(
                                m,
                                p -> p.setDataHandler(new DataHandler(new ByteArrayDataSource(
                                        DATA, "application/octet-stream; x=\"\r\n\r\n<html>evil.test</html>\""))))),
                // Encoded parameters: RFC 2231, and RFC 2047 words that liberal clients decode in file names.
                new Attack(
                        "RFC 2231 CRLF in a file name",
                        null, // the builder encodes names itself: a name holding "%0D%0A" stays literal
                        m -> attach(
                                m,
                                p -> p.setHeader(
                                        "Content-Disposition", "attachment; filename*=UTF-8''a%0D%0ABcc%3A%20x.pdf"))),
                new Attack(
                        "RFC 2047 CRLF in name=",
                        m -> m.attachment(Attachment.of("a=?UTF-8?Q?=0D=0A?=b.pdf", "application/pdf", DATA)),
                        m -> attach(
                                m,
                                p -> p.setHeader(
                                        "Content-Type", "application/pdf; name=\"=?UTF-8?Q?a=0D=0Ab.pdf?=\""))),
                // Bidirectional controls that make a name display other than it is.
                new Attack(
                        "RLO in an attachment name",
                        m -> m.attachment(Attachment.of("invoice\u202Egpj.exe", "application/pdf", DATA)),
                        m -> attach(m, p -> p.setFileName("invoice\u202Egpj.exe"))),
                new Attack(
                        "RLI in a display name",
                        m -> m.to("\"Bank\u2067 Support\" <a@x.org>"),
                        m -> m.setRecipient(
                                RecipientType.TO, new InternetAddress("a@x.org", "Bank\u2067 Support", "UTF-8"))),
                // Headers a sender may not write.
                new Attack(
                        "Return-Path header",
                        m -> m.header("Return-Path", "<bounce@evil.test>"),
                        m -> m.setHeader("Return-Path", "<bounce@evil.test>")),
                new Attack(
                        "Sender header",
                        m -> m.header("Sender", "ceo@evil.test"),
                        m -> m.setHeader("Sender", "ceo@evil.test")),
                // Unicode line separators (issue 13): some clients and parsers break lines at them.
                new Attack(
                        "LINE SEPARATOR U+2028 in subject",
                        m -> m.subject("Hi\u2028Bcc: evil@x.org"),
                        m -> m.setHeader("Subject", "=?UTF-8?B?SGnigKhCY2M6IGV2aWxAeC5vcmc=?=")),
                new Attack(
                        "PARAGRAPH SEPARATOR U+2029 in a custom header",
                        m -> m.header("X-Tag", "v\u2029Bcc: evil@x.org"),
                        m -> m.setHeader("X-Tag", "=?UTF-8?Q?v=E2=80=A9Bcc:_evil@x.org?=")),
                new Attack(
                        "NEXT LINE U+0085 in a display name",
                        m -> m.to("\"Evil\u0085Bcc: x\" <a@x.org>"),
                        m -> m.setRecipient(
                                RecipientType.TO, new InternetAddress("a@x.org", "Evil\u0085Bcc: x", "UTF-8"))),
                new Attack(
                        "LINE SEPARATOR in an IDN domain",
                        m -> m.to("a@b\u00fccher\u2028.example"),
                        m -> m.addRecipient(RecipientType.CC, unchecked("a@b\u00fccher\u2028.example"))),
                // Encoded words that decode to CR/LF, given as plain text by the caller.
                new Attack(
                        "encoded word decoding to CRLF in subject",
                        m -> m.subject("=?UTF-8?Q?Hi=0D=0ABcc:_evil@x.org?="),
                        m -> m.setHeader("Subject", "=?UTF-8?Q?Hi=0D=0ABcc:_evil@x.org?=")),
                new Attack(
                        "base64 encoded word decoding to LF in a display name",
                        m -> m.to("\"=?UTF-8?B?RXZpbApCY2M6IHg=?=\" <a@x.org>"),
                        m -> m.setHeader("To", "=?UTF-8?B?RXZpbApCY2M6IHg=?= <a@x.org>")),
                // The builder picks the transfer encoding itself (quoted-printable for long lines).
                new Attack("8bit body line over 998 octets", null, m -> {
                    m.setText("ok\n" + "é".repeat(600), "UTF-8");
                    m.setHeader("Content-Transfer-Encoding", "8bit");
                }));
    }

    /**
     * The attacks that exploit Angus's low-byte writing of an ASCII message only: in a message written as UTF-8, U+560D
     * and U+560A are ordinary characters, written whole.
     */
    static final Set<String> ONLY_IN_ASCII = Set.of("CVE-2025-7962 payload (U+560D U+560A)");

    /**
     * As {@link #message}, written as UTF-8 ({@code mail.mime.allowutf8}) to {@code jörg@example.test}: a mail that
     * is sent with SMTPUTF8.
     */
    static MimeMessage utf8Message(MessageAttack attack) throws Exception {
        Properties utf8 = new Properties();
        utf8.setProperty("mail.mime.allowutf8", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(utf8));
        message.setFrom("app@example.org");
        message.setRecipients(RecipientType.TO, "j\u00f6rg@example.test");
        message.setSubject("ok");
        message.setText("body");
        if (attack != null) {
            attack.apply(message);
        }
        return message;
    }

    /** A valid message from the mailer's From to Ada, with {@code attack} applied. */
    static MimeMessage message(MessageAttack attack) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("app@example.org");
        message.setRecipients(RecipientType.TO, "ada@example.org");
        message.setSubject("ok");
        message.setText("body");
        if (attack != null) {
            attack.apply(message);
        }
        return message;
    }

    /** Makes the message multipart: a text part, and an attachment customised by {@code attachment}. */
    private static void attach(MimeMessage message, PartAttack attachment) throws Exception {
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(DATA, "application/pdf")));
        file.setDisposition("attachment");
        attachment.apply(file);
        message.setContent(new MimeMultipart(text, file));
    }

    @FunctionalInterface
    private interface PartAttack {
        void apply(MimeBodyPart part) throws Exception;
    }

    /** An address as a caller could build it without parsing: Angus's constructor checks nothing. */
    private static InternetAddress unchecked(String address) {
        InternetAddress a = new InternetAddress();
        a.setAddress(address);
        return a;
    }
}
