package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus, written into a message through Angus's raw setters (as a caller of
 * {@code Mailer.send(MimeMessage)} could): each is refused with the field at fault, in an ASCII message and again in
 * one written as UTF-8 from and to {@code jörg@example.test} (a mail that needs SMTPUTF8). Nothing is saved before the
 * validator runs, as a caller need not save: content types from DataHandlers are headers only once saved.
 */
class InjectionCorpusIsRefusedTest {

    /** A message to validate and its envelope recipients (null: the message's own). */
    record Target(MimeMessage message, Address[] envelope) {}

    /** Builds the attack into a message written as ASCII, or ({@code utf8}) as UTF-8 for SMTPUTF8. */
    @FunctionalInterface
    interface Attack {
        Target build(boolean utf8) throws Exception;
    }

    /**
     * Attacks on Angus's low-byte writing of an ASCII message (CVE-2025-7962): in a message written as UTF-8, U+560A
     * is the character 嘊, written whole (E5 98 8A) in the header and in RCPT TO, so it is a valid local part there.
     */
    private static final Set<String> ONLY_IN_ASCII = Set.of(
            "CVE-2025-7962 U+560A in address", "CVE-2025-7962 U+560D in address object", "envelope CVE-2025-7962");

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] LONG_LINE = ("a".repeat(999) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> corpus() {
        return Stream.of(
                attack("CRLF in subject", "subject", k -> header(k, "Subject", "Hi\r\nBcc: evil@x.org")),
                attack("bare LF in subject", "subject", k -> header(k, "Subject", "Hi\nBcc: evil@x.org")),
                attack("bare CR in subject", "subject", k -> header(k, "Subject", "Hi\rBcc: evil@x.org")),
                attack("CRLF dot CRLF in subject", "subject", k -> header(k, "Subject", "a\r\n.\r\nMAIL FROM:<x@y>")),
                attack("fold of only white space", "subject", k -> header(k, "Subject", "a\r\n \r\n b")),
                attack("NUL in subject", "subject", k -> header(k, "Subject", "a\u0000b")),
                attack("raw non-ASCII in subject", "subject", k -> header(k, "Subject", "a\u560ab")),
                attack("CRLF in header value", "header X-Tag", k -> header(k, "X-Tag", "a\r\nBcc: evil@x.org")),
                attack("encoded CRLF in header", "header X-Tag", k -> header(k, "X-Tag", "=?UTF-8?Q?a=0D=0ABcc:_x?=")),
                attack("CRLF in header name", "header name", k -> header(k, "X-Tag\r\nBcc", "evil@x.org")),
                attack("colon in header name", "header name", k -> header(k, "X:Tag", "v")),
                attack("CRLF after address", "to", k -> header(k, "To", "a@x.org\r\nRCPT TO:<evil@y.org>")),
                attack("CRLF in display name", "to", k -> header(k, "To", "\"Evil\r\nBcc: x\" <a@x.org>")),
                attack("CRLF in display name object", "to", k -> {
                    InternetAddress to = new InternetAddress("a@x.org");
                    to.setPersonal("Evil\r\nBcc: x@y.org", "UTF-8");
                    return recipient(k, RecipientType.TO, to);
                }),
                attack("NUL in address", "to", k -> header(k, "To", "a\u0000b@x.org")),
                attack("CVE-2025-7962 U+560A in address", "to", k -> header(k, "To", "a\u560a@x.org")),
                attack(
                        "CVE-2025-7962 U+560D in address object",
                        "cc",
                        k -> recipient(k, RecipientType.CC, new InternetAddress("a\u560d@x.org"))),
                attack("quoted CRLF space local part", "to", k -> header(k, "To", "\"a\r\n b\"@x.org")),
                attack("CRLF in From", "from", k -> header(k, "From", "a@x.org\r\nX: y")),
                attack("CRLF in Reply-To", "reply-to", k -> header(k, "Reply-To", "a@x.org\r\nX: y")),
                attack(
                        "envelope quoted CRLF local part",
                        "recipient",
                        k -> envelope(k, new InternetAddress("\"a\r\n b\"@x.org", true))),
                attack("envelope CVE-2025-7962", "recipient", k -> envelope(k, new InternetAddress("a\u560a@x.org"))),
                attack(
                        "CRLF in attachment name",
                        "attachment name",
                        k -> part(k, p -> p.setFileName("a\r\nBcc: x.pdf"))),
                attack("NUL in attachment name", "attachment name", k -> part(k, p -> p.setFileName("a\u0000.pdf"))),
                attack("CRLF in content-id", "content-id", k -> part(k, p -> p.setContentID("<a\r\nBcc: x@y>"))),
                // Content types that become headers only when the message is saved (issue 11, finding 1).
                attack(
                        "CRLF in setContent's type",
                        "header Content-Type",
                        k -> message(
                                k,
                                m -> m.setContent(
                                        "body", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\""))),
                attack(
                        "CRLF in a DataSource's type",
                        "header Content-Type",
                        k -> part(
                                k,
                                p -> p.setDataHandler(new DataHandler(
                                        new ByteArrayDataSource(DATA, "application/pdf; x=\"\r\n\r\n<html>\""))))),
                attack(
                        "unparseable DataSource type",
                        "message",
                        k -> part(
                                k,
                                p -> p.setDataHandler(
                                        new DataHandler(new ByteArrayDataSource(DATA, "text/plain\r\n\r\n<html>"))))),
                // Parameters encoded per RFC 2231 and RFC 2047.
                attack(
                        "RFC 2231 CRLF in filename",
                        "attachment name",
                        k -> part(
                                k,
                                p -> p.setHeader(
                                        "Content-Disposition", "attachment; filename*=UTF-8''a%0D%0ABcc%3A%20x.pdf"))),
                attack(
                        "RFC 2231 CRLF across continuations",
                        "attachment name",
                        k -> part(
                                k,
                                p -> p.setHeader(
                                        "Content-Disposition",
                                        "attachment; filename*0*=UTF-8''a%0D; filename*1*=%0Ab.pdf"))),
                attack(
                        "RFC 2047 CRLF in name",
                        "attachment name",
                        k -> part(
                                k,
                                p -> p.setHeader(
                                        "Content-Type", "application/pdf; name=\"=?UTF-8?Q?a=0D=0Ab.pdf?=\""))),
                attack(
                        "RFC 2047 word inside a filename",
                        "attachment name",
                        k -> part(
                                k,
                                p -> p.setHeader(
                                        "Content-Disposition", "attachment; filename=\"a=?UTF-8?Q?=0D=0A?=b.pdf\""))),
                attack(
                        "RFC 2231 CRLF in another parameter",
                        "header Content-Type",
                        k -> part(k, p -> p.setHeader("Content-Type", "text/plain; x*=UTF-8''a%0D%0Ab"))),
                // Bidirectional controls in names.
                attack(
                        "RLO in attachment name",
                        "attachment name",
                        k -> part(k, p -> p.setFileName("invoice\u202Egpj.exe"))),
                attack(
                        "RLI in display name",
                        "to",
                        k -> recipient(
                                k, RecipientType.TO, new InternetAddress("a@x.org", "Bank\u2067 Support", "UTF-8"))),
                attack(
                        "LRE in encoded display name",
                        "from",
                        k -> header(k, "From", "=?UTF-8?Q?Ada=E2=80=AA?= <a@x.org>")),
                attack(
                        "RFC 2047 CRLF inside a quoted display name",
                        "to",
                        k -> header(k, "To", "\"Ada =?UTF-8?Q?=0D=0ABcc:_x@evil.test?=\" <a@x.org>")),
                // Non-ASCII local parts (RFC 6531): code points that break a line, hide or reorder text, or are white
                // space, refused whether or not the message is written as UTF-8.
                attack("U+2028 in a local part", "to", k -> header(k, "To", "j\u00f6\u2028rg@x.org")),
                attack("U+2029 in a local part", "cc", k -> header(k, "Cc", "j\u00f6\u2029rg@x.org")),
                attack("NEL U+0085 in a local part", "to", k -> header(k, "To", "j\u00f6\u0085rg@x.org")),
                attack("C1 U+009B in a local part", "from", k -> header(k, "From", "j\u00f6\u009brg@x.org")),
                attack("RLO in a local part", "to", k -> header(k, "To", "j\u00f6\u202Erg@x.org")),
                attack("LRI in a local part", "reply-to", k -> header(k, "Reply-To", "j\u00f6\u2066rg@x.org")),
                attack("zero-width space in a local part", "to", k -> header(k, "To", "j\u00f6\u200Brg@x.org")),
                attack("no-break space in a local part", "to", k -> header(k, "To", "j\u00f6\u00A0rg@x.org")),
                attack(
                        "envelope U+2028 in a local part",
                        "recipient",
                        k -> envelope(k, address("j\u00f6\u2028rg@x.org"))),
                attack("envelope NEL in a local part", "recipient", k -> envelope(k, address("j\u00f6\u0085rg@x.org"))),
                attack("envelope RLO in a local part", "recipient", k -> envelope(k, address("j\u00f6\u202Erg@x.org"))),
                attack(
                        "envelope ideographic space in a local part",
                        "recipient",
                        k -> envelope(k, address("j\u00f6\u3000rg@x.org"))),
                attack("raw non-ASCII display name", "to", k -> header(k, "To", "J\u00f6rg <a@x.org>")),
                attack("raw non-ASCII domain", "to", k -> header(k, "To", "a@b\u00fccher.example")),
                attack("non-ASCII quoted local part", "to", k -> header(k, "To", "\"j\u00f6rg\"@x.org")),
                attack(
                        "raw non-ASCII in a part header",
                        "header Content-Disposition",
                        k -> part(
                                k, p -> p.setHeader("Content-Disposition", "attachment; filename=\"j\u00f6rg.pdf\""))),
                // Headers a sender may not write.
                attack("Return-Path header", "header Return-Path", k -> header(k, "Return-Path", "<bounce@evil.test>")),
                attack("Sender header", "sender", k -> header(k, "Sender", "ceo@example.org")),
                // Body lines over 998 octets in a part the caller declared 8bit or 7bit.
                attack(
                        "8bit line over 998 octets",
                        "body",
                        k -> message(k, m -> {
                            m.setText("ok\n" + "é".repeat(500), "UTF-8");
                            m.setHeader("Content-Transfer-Encoding", "8bit");
                        })),
                attack(
                        "7bit attachment line over 998 octets",
                        "body",
                        k -> part(k, p -> {
                            p.setDataHandler(
                                    new DataHandler(new ByteArrayDataSource(LONG_LINE, "application/octet-stream")));
                            p.setHeader("Content-Transfer-Encoding", "7bit");
                        })));
    }

    /** The corpus in messages written as UTF-8, as a mail that needs SMTPUTF8 is. */
    static Stream<Arguments> corpusInUtf8() {
        return corpus().filter(a -> !ONLY_IN_ASCII.contains(((Named<?>) a.get()[0]).getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refused(Attack attack, String field) throws Exception {
        assertRefused(attack.build(false), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusInUtf8")
    void refusedInAMessageWrittenAsUtf8(Attack attack, String field) throws Exception {
        assertRefused(attack.build(true), field);
    }

    private static void assertRefused(Target target, String field) {
        InvalidMailException e = catchThrowableOfType(
                InvalidMailException.class,
                () -> MessageValidator.validate(Messages.MAILER, target.message(), target.envelope()));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.mailer()).isEqualTo(Messages.MAILER);
        assertThat(e.getMessage()).contains("'billing'", field).doesNotContain("\r", "\n", "\u0000");
    }

    private static Arguments attack(String name, String field, Attack attack) {
        return Arguments.of(Named.of(name, attack), field);
    }

    /** An address object holding {@code spec} as it is, unparsed. */
    private static InternetAddress address(String spec) {
        InternetAddress address = new InternetAddress();
        address.setAddress(spec);
        return address;
    }

    private static Target header(boolean utf8, String name, String value) throws MessagingException {
        MimeMessage message = Messages.valid(utf8);
        message.setHeader(name, value);
        return new Target(message, null);
    }

    private static Target message(boolean utf8, Messages.MessageCustomizer customizer) throws Exception {
        MimeMessage message = Messages.valid(utf8);
        customizer.customize(message);
        return new Target(message, null);
    }

    private static Target recipient(boolean utf8, RecipientType type, InternetAddress address)
            throws MessagingException {
        MimeMessage message = Messages.valid(utf8);
        message.setRecipient(type, address);
        return new Target(message, null);
    }

    private static Target envelope(boolean utf8, Address address) throws MessagingException {
        return new Target(Messages.valid(utf8), new Address[] {address});
    }

    private static Target part(boolean utf8, Messages.PartCustomizer customizer) throws MessagingException {
        return new Target(Messages.withAttachment(utf8, customizer), null);
    }
}
