package dev.mailwire.it.reliability.input;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Every header-like field and address form Mailwire takes, each with every separator an attacker could use to start
 * a new header or SMTP command line, followed by an injected header and command that name the attack domain.
 */
final class HeaderCorpus {

    /** One hostile mail: which field, which separator, and the mail. */
    record Case(String field, String separator, Mail mail) {
        @Override
        public String toString() {
            return field + " with " + separator;
        }
    }

    /** What follows the separator: a header line, and an SMTP command line, both easy to find on the wire. */
    static final String PAYLOAD = "X-Injected: 1 RCPT TO:<x@evil.test>";

    private static final String[][] SEPARATORS = {
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
    };

    private HeaderCorpus() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] sep : SEPARATORS) {
            String x = sep[1] + PAYLOAD;
            add(cases, "subject", sep[0], m -> m.subject("Hello" + x));
            add(cases, "custom header value", sep[0], m -> m.header("X-Tag", "v" + x));
            add(cases, "custom header name", sep[0], m -> m.header("X-Tag" + sep[1] + "X-Injected", "1"));
            add(cases, "from", sep[0], m -> m.from("app" + x + "@example.test"));
            add(cases, "to", sep[0], m -> m.to("ada" + x + "@example.test"));
            add(cases, "cc", sep[0], m -> m.cc("bob@example.test" + x));
            add(cases, "bcc", sep[0], m -> m.bcc("<carol@example.test>" + x));
            add(cases, "reply-to", sep[0], m -> m.replyTo("dan@example.test" + x));
            add(cases, "display name", sep[0], m -> m.to("\"Ada" + x + "\" <ada@example.test>"));
            add(cases, "quoted local part", sep[0], m -> m.to("\"ada" + x + "\"@example.test"));
            add(cases, "group name", sep[0], m -> m.to("team" + x + ": ada@example.test;"));
            add(
                    cases,
                    "attachment name",
                    sep[0],
                    m -> m.attachment(Attachment.of("a" + x + ".txt", "text/plain", BYTES)));
            add(cases, "attachment type", sep[0], m -> m.attachment(Attachment.of("a.txt", "text/plain" + x, BYTES)));
            add(
                    cases,
                    "inline content-id",
                    sep[0],
                    m -> m.inline("logo" + x, Attachment.of("l.png", "image/png", BYTES)));
            add(cases, "message-id", sep[0], m -> m.messageId("<id" + x + "@example.test>"));
        }
        return cases;
    }

    private static final byte[] BYTES = "data".getBytes(StandardCharsets.US_ASCII);

    private static void add(List<Case> cases, String field, String separator, Function<Mail.Builder, Mail.Builder> f) {
        Mail mail;
        try {
            mail = f.apply(Mail.builder().to("ada@example.test").subject("s").text("t"))
                    .build();
        } catch (RuntimeException refusedByTheBuilder) {
            mail = null; // refused before it could even be built: as good as refused by send
        }
        cases.add(new Case(field, separator, mail));
    }
}
