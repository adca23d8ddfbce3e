package dev.mailwire.it.reliability.input;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * Bodies and attachments that try to end DATA early or smuggle a second message (SMTP smuggling, CVE-2023-51766 and
 * relatives): bare CR and LF, lone dots, and every non-canonical end-of-data sequence followed by an SMTP transaction
 * for the attack domain; and a line over 998 octets of 8-bit text (RFC 5322 §2.1.1). Each case comes in two forms:
 * through the {@code Mail} builder, and as a {@code MimeMessage} built with Angus's setters, whose transfer encoding
 * Angus chooses, except for the long line, which the {@code MimeMessage} form declares {@code 8bit} as a caller
 * could.
 */
final class BodyCorpus {

    /** One hostile mail: where the content went, which content, and its two forms. */
    record Case(String part, String content, Mail mail, MessageForm message) {
        @Override
        public String toString() {
            return content + " in " + part;
        }

        boolean longLine() {
            return content.equals(LONG_LINE);
        }
    }

    @FunctionalInterface
    interface MessageForm {
        MimeMessage build() throws Exception;
    }

    /** The smuggled transaction: if a server ever sees these lines as commands, the attack worked. */
    static final String SMUGGLED =
            "MAIL FROM:<a@evil.test>\r\nRCPT TO:<b@evil.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nhi\r\n.\r\n";

    static final String LONG_LINE = "8-bit line over 998 octets";

    /** RFC 5322 §2.1.1: at most 998 octets per line. */
    static final int MAX_LINE = 998;

    private static final String[][] CONTENTS = {
        {"bare CR", "one\rtwo\r"},
        {"bare LF", "one\ntwo\n"},
        {"lone dot line (CRLF)", "before\r\n.\r\nafter"},
        {"lone dot line (LF)", "before\n.\nafter"},
        {"lone dot at the end", "last line\r\n."},
        {"dots at line starts", ".one\r\n..two\r\n...\r\n"},
        {"smuggling \\n.\\r\\n", "x\n.\r\n" + SMUGGLED},
        {"smuggling \\r\\n.\\n", "x\r\n.\n" + SMUGGLED},
        {"smuggling \\n.\\n", "x\n.\n" + SMUGGLED},
        {"smuggling \\r.\\r\\n", "x\r.\r\n" + SMUGGLED},
        {"smuggling \\r\\n.\\r", "x\r\n.\r" + SMUGGLED},
        {"smuggling \\r\\n\\x00.\\r\\n", "x\r\n\u0000.\r\n" + SMUGGLED},
        {LONG_LINE, "ok\r\n" + "é".repeat(600) + "\r\n"},
    };

    private BodyCorpus() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] c : CONTENTS) {
            boolean declare8bit = c[0].equals(LONG_LINE);
            add(cases, "text body", c, (m, s) -> m.text(s), () -> {
                MimeMessage m = message();
                m.setText(c[1], "UTF-8");
                declare(m, declare8bit);
                return m;
            });
            add(cases, "HTML body", c, (m, s) -> m.text("t").html("<p>" + s + "</p>"), () -> {
                MimeMessage m = message();
                m.setContent("<p>" + c[1] + "</p>", "text/html; charset=UTF-8");
                declare(m, declare8bit);
                return m;
            });
            add(
                    cases,
                    "text attachment",
                    c,
                    (m, s) -> m.attachment(Attachment.of("a.txt", "text/plain", bytes(s))),
                    () -> withPart(c[1], "text/plain", Part.ATTACHMENT, declare8bit));
            add(
                    cases,
                    "binary attachment",
                    c,
                    (m, s) -> m.attachment(Attachment.of("a.bin", "application/octet-stream", bytes(s))),
                    () -> withPart(c[1], "application/octet-stream", Part.ATTACHMENT, declare8bit));
            add(
                    cases,
                    "inline part",
                    c,
                    (m, s) -> m.text("t").inline("part", Attachment.of("p.txt", "text/plain", bytes(s))),
                    () -> withPart(c[1], "text/plain", Part.INLINE, declare8bit));
        }
        return cases;
    }

    private static MimeMessage message() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("app@example.test");
        m.setRecipients(RecipientType.TO, "ada@example.test");
        m.setSubject("body");
        return m;
    }

    private static MimeMessage withPart(String content, String type, String disposition, boolean declare8bit)
            throws Exception {
        MimeMessage m = message();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("t", "UTF-8");
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes(content), type)));
        part.setDisposition(disposition);
        if (disposition.equals(Part.INLINE)) {
            part.setContentID("<part@example.test>");
        }
        declare(part, declare8bit);
        m.setContent(new MimeMultipart(text, part));
        return m;
    }

    /** As a caller could: a transfer encoding chosen by hand, which puts the content on the wire as it is. */
    private static void declare(MimePart part, boolean declare8bit) throws Exception {
        if (declare8bit) {
            part.setHeader("Content-Transfer-Encoding", "8bit");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(
            List<Case> cases,
            String part,
            String[] content,
            BiFunction<Mail.Builder, String, Mail.Builder> f,
            MessageForm message) {
        Mail mail = f.apply(Mail.builder().to("ada@example.test").subject(content[0]), content[1])
                .build();
        cases.add(new Case(part, content[0], mail, message));
    }
}
