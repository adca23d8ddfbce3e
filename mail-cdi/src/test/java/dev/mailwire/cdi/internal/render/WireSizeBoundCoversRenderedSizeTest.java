package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The size limits trust {@link WireSizeBound} for every mail it puts under a limit, so it must never be below what
 * the renderer writes: checked over generated mails of every shape that costs bytes — non-ASCII and supplementary
 * characters in every field (quoted-printable, base64, RFC 2047), long lines, bare line breaks, many recipients
 * with names, custom headers, attachments and inline parts with long non-ASCII names.
 */
class WireSizeBoundCoversRenderedSizeTest {

    private static final String[] ALPHABETS = {
        "abcdefghijklmnopqrstuvwxyz ", // ASCII: 7bit
        "=?_.\t \r\n\n\r", // characters quoted-printable and encoded-words escape
        "éàüßøñç abc", // mostly Latin-1: quoted-printable
        "日本語の文字列漢字", // CJK: base64
        "\uD83D\uDE00\uD83D\uDCE7\uD83C\uDF89", // emoji: supplementary, 4 bytes per 2 chars
    };

    @Test
    void neverBelowTheRenderedBytes() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Mail mail = randomMail(random);
            long written = Rendering.bytes(Rendering.render(mail)).length;
            java.util.OptionalLong bound = WireSizeBound.of(mail);
            assertThat(bound).isPresent();
            assertThat(bound.getAsLong())
                    .as("bound of mail %d (%d bytes written)", i, written)
                    .isGreaterThanOrEqualTo(written);
        }
    }

    @Test
    void unknownWhenAnAttachmentsLengthIsUnknown() {
        Mail mail = Rendering.mail()
                .attachment(Attachment.ofSingleUse(
                        "a.bin", "application/octet-stream", new java.io.ByteArrayInputStream(new byte[1])))
                .build();
        assertThat(WireSizeBound.of(mail)).isEmpty();
    }

    private static Mail randomMail(Random random) {
        Mail.Builder b = Mail.builder();
        int recipients = 1 + random.nextInt(30);
        for (int r = 0; r < recipients; r++) {
            b.to(name(random) + " <r" + r + "@example.org>");
        }
        if (random.nextBoolean()) {
            b.cc(name(random) + " <cc@example.org>");
        }
        b.subject(line(random, random.nextInt(300)));
        if (random.nextBoolean()) {
            b.header("X-Note", line(random, random.nextInt(400)));
        }
        boolean text = random.nextBoolean();
        if (text || random.nextBoolean()) {
            b.text(text(random, random.nextInt(5000)));
        }
        if (!text || random.nextBoolean()) {
            b.html("<p>" + text(random, random.nextInt(5000)) + "</p>");
        }
        int attachments = random.nextInt(3);
        for (int a = 0; a < attachments; a++) {
            byte[] content = new byte[random.nextInt(20_000)];
            random.nextBytes(content);
            String name = text(random, 1 + random.nextInt(80)).replaceAll("[\\s\\p{Cntrl}]", "_") + ".bin";
            if (random.nextBoolean()) {
                b.attachment(Attachment.of(name, "application/octet-stream", content));
            } else {
                b.inline("part" + a + "@example.org", Attachment.of(name, "image/png", content));
            }
        }
        return b.build();
    }

    private static String name(Random random) {
        return "\"" + text(random, random.nextInt(40)).replaceAll("[\\s\\p{Cntrl}\"\\\\]", "x") + "\"";
    }

    /** Text for a header: no line breaks or other control characters (refused there). */
    private static String line(Random random, int length) {
        return text(random, length).replaceAll("\\p{Cntrl}", " ");
    }

    private static String text(Random random, int length) {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int i = random.nextInt(alphabet.length());
            char c = alphabet.charAt(i);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(alphabet.charAt(i + 1));
            } else if (Character.isLowSurrogate(c)) {
                s.append(alphabet.charAt(i - 1)).append(c);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
