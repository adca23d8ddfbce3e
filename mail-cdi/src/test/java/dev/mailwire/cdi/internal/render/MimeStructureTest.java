package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import org.junit.jupiter.api.Test;

/** Text, HTML, inline parts and attachments are laid out as mail clients expect, read back from the bytes. */
class MimeStructureTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void textOnlyIsOnePart() throws Exception {
        MimeMessage message = Rendering.received(
                Rendering.render(Rendering.mail().text("Hi\nthere").build()));

        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(message.getContent()).isEqualTo("Hi\r\nthere");
    }

    @Test
    void htmlOnlyIsOnePart() throws Exception {
        MimeMessage message = Rendering.received(
                Rendering.render(Rendering.mail().html("<p>Hi</p>").build()));

        assertThat(message.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
    }

    @Test
    void textAndHtmlAreAlternatives() throws Exception {
        MimeMessage message = Rendering.received(
                Rendering.render(Rendering.mail().text("Hi").html("<p>Hi</p>").build()));

        assertThat(shape(message)).isEqualTo("multipart/alternative[text/plain, text/html]");
    }

    @Test
    void inlinePartsRelateToHtml() throws Exception {
        Mail mail = Rendering.mail()
                .text("Hi")
                .html("<img src=\"cid:logo\">")
                .inline("logo", Attachment.of("logo.png", "image/png", PNG))
                .build();

        MimeMessage message = Rendering.received(Rendering.render(mail));

        assertThat(shape(message))
                .isEqualTo("multipart/alternative[text/plain, multipart/related[text/html, image/png]]");
        MimePart logo = (MimePart) part(message, 1, 1);
        assertThat(logo.getContentID()).isEqualTo("<logo>");
        assertThat(logo.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(logo.getEncoding()).isEqualTo("base64");
        assertThat(logo.getInputStream().readAllBytes()).isEqualTo(PNG);
    }

    @Test
    void everythingTogether() throws Exception {
        Mail mail = Rendering.mail()
                .text("Hi")
                .html("<img src=\"cid:logo\">")
                .inline("logo", Attachment.of("logo.png", "image/png", PNG))
                .attachment(Attachment.of("invoice.pdf", "application/pdf", new byte[] {1, 2}))
                .attachment(Attachment.of("data.csv", "text/csv", "a,b\n".getBytes()))
                .build();

        MimeMessage message = Rendering.received(Rendering.render(mail));

        assertThat(shape(message))
                .isEqualTo("multipart/mixed[multipart/alternative[text/plain, multipart/related[text/html, image/png]],"
                        + " application/pdf, text/csv]");
        Part invoice = part(message, 1);
        assertThat(invoice.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(invoice.getFileName()).isEqualTo("invoice.pdf");
        assertThat(part(message, 2).getInputStream().readAllBytes()).asString().isEqualTo("a,b\n");
    }

    @Test
    void attachmentsWithoutBody() throws Exception {
        Mail mail = Rendering.mail()
                .attachment(Attachment.of("a.pdf", "application/pdf", new byte[] {1}))
                .build();

        assertThat(shape(Rendering.received(Rendering.render(mail))))
                .isEqualTo("multipart/mixed[text/plain, application/pdf]");
    }

    private static Part part(Part root, int... path) throws Exception {
        Part part = root;
        for (int index : path) {
            part = ((Multipart) part.getContent()).getBodyPart(index);
        }
        return part;
    }

    /** {@code multipart/mixed[text/plain, ...]}: the tree of base content types. */
    private static String shape(Part part) throws Exception {
        String type = part.getContentType().split(";")[0].trim().toLowerCase();
        if (!type.startsWith("multipart/")) {
            return type;
        }
        Multipart multipart = (Multipart) part.getContent();
        StringBuilder out = new StringBuilder(type).append('[');
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            out.append(i == 0 ? "" : ", ").append(shape(child));
        }
        return out.append(']').toString();
    }
}
