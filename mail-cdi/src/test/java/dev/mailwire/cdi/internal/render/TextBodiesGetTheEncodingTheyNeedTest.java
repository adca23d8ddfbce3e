package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

/**
 * Mailwire chooses a text body's transfer encoding itself (sparing Jakarta Mail a write of the body to choose it):
 * 7bit only for short-lined ASCII, quoted-printable for mostly ASCII, base64 otherwise; whatever it chose, the
 * receiver reads back the text, with CRLF line breaks.
 */
class TextBodiesGetTheEncodingTheyNeedTest {

    @Test
    void shortAsciiLinesAre7bit() throws Exception {
        assertRoundTrip("Hello,\nyour invoice is attached.\n", "7bit");
    }

    @Test
    void aLineOver998BytesIsQuotedPrintable() throws Exception {
        assertRoundTrip("x".repeat(999), "quoted-printable");
        assertRoundTrip("x".repeat(998), "7bit");
    }

    @Test
    void mostlyAsciiIsQuotedPrintable() throws Exception {
        assertRoundTrip("Grüße aus Köln, bis bald", "quoted-printable");
        assertRoundTrip("a bell \u0007 is not text", "quoted-printable");
    }

    @Test
    void mostlyNonAsciiIsBase64() throws Exception {
        assertRoundTrip("日本語のメール本文です", "base64");
        assertRoundTrip("\uD83D\uDE00\uD83D\uDE00 ok", "base64");
    }

    @Test
    void everyKindOfLineBreakArrivesAsCrlf() throws Exception {
        MimeMessage received = Rendering.received(
                Rendering.render(Rendering.mail().text("a\nb\rc\r\nd\n\re").build()));
        assertThat(received.getContent()).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\ne");
        assertThat(Parts.canonical("already\r\ncanonical\r\n")).isSameAs(Parts.canonical("already\r\ncanonical\r\n"));
    }

    @Test
    void bothBodiesOfAnAlternativeGetTheirOwn() throws Exception {
        MimeMessage received = Rendering.received(Rendering.render(
                Rendering.mail().text("plain ascii").html("<p>日本語のメール本文です</p>").build()));
        MimeMultipart alternative = (MimeMultipart) received.getContent();
        assertThat(alternative.getBodyPart(0).getHeader("Content-Transfer-Encoding"))
                .containsExactly("7bit");
        assertThat(alternative.getBodyPart(1).getHeader("Content-Transfer-Encoding"))
                .containsExactly("base64");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>日本語のメール本文です</p>");
    }

    private static void assertRoundTrip(String text, String encoding) throws Exception {
        MimeMessage received =
                Rendering.received(Rendering.render(Rendering.mail().text(text).build()));
        assertThat(received.getHeader("Content-Transfer-Encoding")).as(text).containsExactly(encoding);
        assertThat(received.getContent()).isEqualTo(Parts.canonical(text));
    }
}
