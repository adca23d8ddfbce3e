package dev.mailwire.jca.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.InvalidMailException;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injection corpus, written into a message through Angus's raw setters (as a caller of
 * {@code Mailer.send(MimeMessage)} could): each is refused with the field at fault.
 */
class InjectionCorpusIsRefusedTest {

    /** A message to validate and its envelope recipients (null: the message's own). */
    record Target(MimeMessage message, Address[] envelope) {}

    @FunctionalInterface
    interface Attack {
        Target build() throws Exception;
    }

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
                attack("CRLF in content-id", "content-id", () -> part(p -> p.setContentID("<a\r\nBcc: x@y>"))));
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
