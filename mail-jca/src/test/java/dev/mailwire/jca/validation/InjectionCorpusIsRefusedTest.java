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
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus, written into a message through Angus's raw setters (as a caller of
 * {@code Mailer.send(MimeMessage)} could): each is refused with the field at fault. Nothing is saved before the
 * validator runs, as a caller need not save: content types from DataHandlers are headers only once saved.
 */
class InjectionCorpusIsRefusedTest {

    /** A message to validate and its envelope recipients (null: the message's own). */
    record Target(MimeMessage message, Address[] envelope) {}

    @FunctionalInterface
    interface Attack {
        Target build() throws Exception;
    }

    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] LONG_LINE = ("a".repeat(999) + "\r\n").getBytes(StandardCharsets.US_ASCII);

    static Stream<Arguments> corpus() {
        return Stream.of(
                attack("CRLF in subject", "subject", () -> header("Subject", "Hi\r\nBcc: evil@x.org")),
                attack("bare LF in subject", "subject", () -> header("Subject", "Hi\nBcc: evil@x.org")),
                attack("bare CR in subject", "subject", () -> header("Subject", "Hi\rBcc: evil@x.org")),
                attack("CRLF dot CRLF in subject", "subject", () -> header("Subject", "a\r\n.\r\nMAIL FROM:<x@y>")),
                attack("fold of only white space", "subject", () -> header("Subject", "a\r\n \r\n b")),
                attack("NUL in subject", "subject", () -> header("Subject", "a\u0000b")),
                attack("raw non-ASCII in subject", "subject", () -> header("Subject", "a\u560ab")),
                attack("CRLF in header value", "header X-Tag", () -> header("X-Tag", "a\r\nBcc: evil@x.org")),
                attack("encoded CRLF in header", "header X-Tag", () -> header("X-Tag", "=?UTF-8?Q?a=0D=0ABcc:_x?=")),
                attack("CRLF in header name", "header name", () -> header("X-Tag\r\nBcc", "evil@x.org")),
                attack("colon in header name", "header name", () -> header("X:Tag", "v")),
                attack("CRLF after address", "to", () -> header("To", "a@x.org\r\nRCPT TO:<evil@y.org>")),
                attack("CRLF in display name", "to", () -> header("To", "\"Evil\r\nBcc: x\" <a@x.org>")),
                attack("CRLF in display name object", "to", () -> {
                    InternetAddress to = new InternetAddress("a@x.org");
                    to.setPersonal("Evil\r\nBcc: x@y.org", "UTF-8");
                    return recipient(RecipientType.TO, to);
                }),
                attack("NUL in address", "to", () -> header("To", "a\u0000b@x.org")),
                attack("CVE-2025-7962 U+560A in address", "to", () -> header("To", "a\u560a@x.org")),
                attack(
                        "CVE-2025-7962 U+560D in address object",
                        "cc",
                        () -> recipient(RecipientType.CC, new InternetAddress("a\u560d@x.org"))),
                attack("quoted CRLF space local part", "to", () -> header("To", "\"a\r\n b\"@x.org")),
                attack("CRLF in From", "from", () -> header("From", "a@x.org\r\nX: y")),
                attack("CRLF in Reply-To", "reply-to", () -> header("Reply-To", "a@x.org\r\nX: y")),
                attack(
                        "envelope quoted CRLF local part",
                        "recipient",
                        () -> envelope(new InternetAddress("\"a\r\n b\"@x.org", true))),
                attack("envelope CVE-2025-7962", "recipient", () -> envelope(new InternetAddress("a\u560a@x.org"))),
                attack("CRLF in attachment name", "attachment name", () -> part(p -> p.setFileName("a\r\nBcc: x.pdf"))),
                attack("NUL in attachment name", "attachment name", () -> part(p -> p.setFileName("a\u0000.pdf"))),
                attack("CRLF in content-id", "content-id", () -> part(p -> p.setContentID("<a\r\nBcc: x@y>"))),
                // Content types that become headers only when the message is saved (issue 11, finding 1).
                attack(
                        "CRLF in setContent's type",
                        "header Content-Type",
                        () -> message(m -> m.setContent(
                                "body", "text/plain; charset=us-ascii; x=\"a\r\nBcc: victim@evil.test\""))),
                attack(
                        "CRLF in a DataSource's type",
                        "header Content-Type",
                        () -> part(p -> p.setDataHandler(new DataHandler(
                                new ByteArrayDataSource(DATA, "application/pdf; x=\"\r\n\r\n<html>\""))))),
                attack(
                        "unparseable DataSource type",
                        "message",
                        () -> part(p -> p.setDataHandler(
                                new DataHandler(new ByteArrayDataSource(DATA, "text/plain\r\n\r\n<html>"))))),
                // Parameters encoded per RFC 2231 and RFC 2047.
                attack(
                        "RFC 2231 CRLF in filename",
                        "attachment name",
                        () -> part(p -> p.setHeader(
                                "Content-Disposition", "attachment; filename*=UTF-8''a%0D%0ABcc%3A%20x.pdf"))),
                attack(
                        "RFC 2231 CRLF across continuations",
                        "attachment name",
                        () -> part(p -> p.setHeader(
                                "Content-Disposition", "attachment; filename*0*=UTF-8''a%0D; filename*1*=%0Ab.pdf"))),
                attack(
                        "RFC 2047 CRLF in name",
                        "attachment name",
                        () -> part(p ->
                                p.setHeader("Content-Type", "application/pdf; name=\"=?UTF-8?Q?a=0D=0Ab.pdf?=\""))),
                attack(
                        "RFC 2047 word inside a filename",
                        "attachment name",
                        () -> part(p -> p.setHeader(
                                "Content-Disposition", "attachment; filename=\"a=?UTF-8?Q?=0D=0A?=b.pdf\""))),
                attack(
                        "RFC 2231 CRLF in another parameter",
                        "header Content-Type",
                        () -> part(p -> p.setHeader("Content-Type", "text/plain; x*=UTF-8''a%0D%0Ab"))),
                // Bidirectional controls in names.
                attack(
                        "RLO in attachment name",
                        "attachment name",
                        () -> part(p -> p.setFileName("invoice\u202Egpj.exe"))),
                attack(
                        "RLI in display name",
                        "to",
                        () -> recipient(
                                RecipientType.TO, new InternetAddress("a@x.org", "Bank\u2067 Support", "UTF-8"))),
                attack(
                        "LRE in encoded display name",
                        "from",
                        () -> header("From", "=?UTF-8?Q?Ada=E2=80=AA?= <a@x.org>")),
                attack(
                        "RFC 2047 CRLF inside a quoted display name",
                        "to",
                        () -> header("To", "\"Ada =?UTF-8?Q?=0D=0ABcc:_x@evil.test?=\" <a@x.org>")),
                // Headers a sender may not write.
                attack("Return-Path header", "header Return-Path", () -> header("Return-Path", "<bounce@evil.test>")),
                attack("Sender header", "sender", () -> header("Sender", "ceo@example.org")),
                // Body lines over 998 octets in a part the caller declared 8bit or 7bit.
                attack(
                        "8bit line over 998 octets",
                        "body",
                        () -> message(m -> {
                            m.setText("ok\n" + "é".repeat(500), "UTF-8");
                            m.setHeader("Content-Transfer-Encoding", "8bit");
                        })),
                attack(
                        "7bit attachment line over 998 octets",
                        "body",
                        () -> part(p -> {
                            p.setDataHandler(
                                    new DataHandler(new ByteArrayDataSource(LONG_LINE, "application/octet-stream")));
                            p.setHeader("Content-Transfer-Encoding", "7bit");
                        })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refused(Attack attack, String field) throws Exception {
        Target target = attack.build();

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

    private static Target header(String name, String value) throws MessagingException {
        MimeMessage message = Messages.valid();
        message.setHeader(name, value);
        return new Target(message, null);
    }

    private static Target message(Messages.MessageCustomizer customizer) throws Exception {
        MimeMessage message = Messages.valid();
        customizer.customize(message);
        return new Target(message, null);
    }

    private static Target recipient(RecipientType type, InternetAddress address) throws MessagingException {
        MimeMessage message = Messages.valid();
        message.setRecipient(type, address);
        return new Target(message, null);
    }

    private static Target envelope(Address address) throws MessagingException {
        return new Target(Messages.valid(), new Address[] {address});
    }

    private static Target part(Messages.PartCustomizer customizer) throws MessagingException {
        return new Target(Messages.withAttachment(customizer), null);
    }
}
