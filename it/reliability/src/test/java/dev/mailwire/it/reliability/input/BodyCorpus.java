package dev.mailwire.it.reliability.input;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Bodies and attachments that try to end DATA early or smuggle a second message (SMTP smuggling, CVE-2023-51766 and
 * relatives): bare CR and LF, lone dots, and every non-canonical end-of-data sequence followed by an SMTP transaction
 * for the attack domain.
 */
final class BodyCorpus {

    /** One hostile mail: where the content went, which content, and the mail. */
    record Case(String part, String content, Mail mail) {
        @Override
        public String toString() {
            return content + " in " + part;
        }
    }

    /** The smuggled transaction: if a server ever sees these lines as commands, the attack worked. */
    static final String SMUGGLED =
            "MAIL FROM:<a@evil.test>\r\nRCPT TO:<b@evil.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nhi\r\n.\r\n";

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
    };

    private BodyCorpus() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] c : CONTENTS) {
            add(cases, "text body", c, (m, s) -> m.text(s));
            add(cases, "HTML body", c, (m, s) -> m.text("t").html("<p>" + s + "</p>"));
            add(cases, "text attachment", c, (m, s) -> m.attachment(Attachment.of("a.txt", "text/plain", bytes(s))));
            add(
                    cases,
                    "binary attachment",
                    c,
                    (m, s) -> m.attachment(Attachment.of("a.bin", "application/octet-stream", bytes(s))));
            add(
                    cases,
                    "inline part",
                    c,
                    (m, s) -> m.text("t").inline("part", Attachment.of("p.txt", "text/plain", bytes(s))));
        }
        return cases;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(
            List<Case> cases, String part, String[] content, BiFunction<Mail.Builder, String, Mail.Builder> f) {
        Mail mail = f.apply(Mail.builder().to("ada@example.test").subject(content[0]), content[1])
                .build();
        cases.add(new Case(part, content[0], mail));
    }
}
