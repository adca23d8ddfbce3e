package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mailwire.Attachment;
import dev.mailwire.InvalidMailException;
import dev.mailwire.Mail;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The injection corpus through the {@code Mail} API: each is refused while rendering, naming the field. */
class MailInjectionCorpusIsRefusedTest {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};

    static Stream<Arguments> corpus() {
        return Stream.of(
                attack("CRLF in subject", "subject", m -> m.subject("Hi\r\nBcc: evil@x.org")),
                attack("LF in subject", "subject", m -> m.subject("Hi\nBcc: evil@x.org")),
                attack("CRLF space in subject", "subject", m -> m.subject("Hi\r\n Bcc: evil@x.org")),
                attack("NUL in subject", "subject", m -> m.subject("a\u0000b")),
                attack("CRLF in header value", "header X-Tag", m -> m.header("X-Tag", "v\r\nBcc: evil@x.org")),
                attack("CRLF in header name", "header name", m -> m.header("X-Tag\r\nBcc", "evil@x.org")),
                attack("Bcc as custom header", "header Bcc", m -> m.header("Bcc", "evil@x.org")),
                attack("CRLF in to", "to", m -> m.to("a@x.org\r\nRCPT TO:<evil@x.org>")),
                attack("CRLF in display name", "to", m -> m.to("\"Evil\r\nBcc: x\" <a@x.org>")),
                // A non-ASCII local part makes a mail that is written as UTF-8 and sent with SMTPUTF8, where U+560A
                // (CVE-2025-7962) is an ordinary character written whole; what could break a line, hide or reorder
                // text in it is refused.
                attack("U+2028 in a local part in cc", "cc", m -> m.cc("j\u00f6\u2028rg@x.org")),
                attack("CVE-2025-7962 U+560A with NEL in to", "to", m -> m.to("a\u560a\u0085@x.org")),
                attack("C1 U+009B in a local part in from", "from", m -> m.from("j\u00f6\u009brg@x.org")),
                attack("RLO in a local part in to", "to", m -> m.to("j\u00f6\u202erg@x.org")),
                attack("LRI in a local part in reply-to", "reply-to", m -> m.replyTo("j\u00f6\u2066rg@x.org")),
                attack("zero-width space in a local part in bcc", "bcc", m -> m.bcc("j\u00f6\u200brg@x.org")),
                attack("ideographic space in a local part in to", "to", m -> m.to("j\u00f6\u3000rg@x.org")),
                attack("quoted non-ASCII local part in to", "to", m -> m.to("\"j\u00f6rg\"@x.org")),
                attack("quoted CRLF space local part in bcc", "bcc", m -> m.bcc("\"a\r\n b\"@x.org")),
                attack("CRLF in from", "from", m -> m.from("a@x.org\r\nX: y")),
                attack("CRLF in reply-to", "reply-to", m -> m.replyTo("a@x.org\r\nX: y")),
                attack(
                        "CRLF in attachment name",
                        "attachment name",
                        m -> m.attachment(Attachment.of("a\r\nBcc: x.pdf", "application/pdf", PDF))),
                attack(
                        "CRLF in inline name",
                        "attachment name",
                        m -> m.html("<img src=cid:logo>").inline("logo", Attachment.of("l\r\n.png", "image/png", PDF))),
                attack(
                        "CRLF in attachment type",
                        "attachment content-type",
                        m -> m.attachment(Attachment.of("a.pdf", "application/pdf\r\nBcc: x", PDF))),
                attack(
                        "CRLF in content-id",
                        "content-id",
                        m -> m.html("<img src=cid:logo>")
                                .inline("logo\r\nBcc: x", Attachment.of("l.png", "image/png", PDF))),
                attack("CRLF in message-id", "message-id", m -> m.messageId("<a@x.org>\r\nBcc: y")),
                attack(
                        "quoted CRLF in attachment type",
                        "attachment content-type",
                        m -> m.attachment(
                                Attachment.of("a.bin", "application/octet-stream; x=\"\r\n\r\n<html>\"", PDF))),
                attack(
                        "RFC 2047 CRLF inside an attachment name",
                        "attachment name",
                        m -> m.attachment(Attachment.of("a=?UTF-8?Q?=0D=0A?=b.pdf", "application/pdf", PDF))),
                attack(
                        "RLO in attachment name",
                        "attachment name",
                        m -> m.attachment(Attachment.of("invoice\u202Egpj.exe", "application/pdf", PDF))),
                attack("RLI in display name", "to", m -> m.to("\"Bank\u2067 Support\" <a@x.org>")),
                attack("PDF in from display name", "from", m -> m.from("\"Ada\u202C\" <a@x.org>")),
                attack("Return-Path as custom header", "header Return-Path", m -> m.header("Return-Path", "<b@x.org>")),
                attack("Sender as custom header", "header Sender", m -> m.header("Sender", "ceo@x.org")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refused(UnaryOperator<Mail.Builder> attack, String field) {
        Mail mail = attack.apply(Rendering.mail().subject("ok").text("body")).build();

        InvalidMailException e = catchThrowableOfType(InvalidMailException.class, () -> Rendering.render(mail));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.mailer()).isEqualTo(Rendering.MAILER);
        assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u0000");
    }

    private static Arguments attack(String name, String field, UnaryOperator<Mail.Builder> attack) {
        return Arguments.of(Named.of(name, attack), field);
    }
}
