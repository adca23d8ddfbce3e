package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * The Message-ID is fixed at render time: {@code saveChanges()} (which Transport.send calls on every attempt) and
 * repeated writes keep it, so a retry carries the same one.
 */
class MessageIdStableAcrossWritesTest {

    @Test
    void keptAcrossSaveChangesAndWrites() throws Exception {
        StableIdMessage message = Rendering.render(Rendering.mail().text("Hi").build());
        String id = message.getMessageID();

        message.saveChanges();
        MimeMessage first = Rendering.received(message);
        message.setHeader("Message-ID", "<other@example.org>");
        message.saveChanges();
        MimeMessage second = Rendering.received(message);

        assertThat(id).isEqualTo(message.messageId()).matches("<[0-9a-f]{32}@example\\.org>");
        assertThat(first.getMessageID()).isEqualTo(id);
        assertThat(second.getMessageID()).isEqualTo(id);
    }

    @Test
    void eachRenderGetsItsOwn() {
        String a = Rendering.render(Rendering.mail().text("Hi").build()).messageId();
        String b = Rendering.render(Rendering.mail().text("Hi").build()).messageId();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void fixedByTheMail() throws Exception {
        StableIdMessage message = Rendering.render(
                Rendering.mail().text("Hi").messageId("order-42@shop.example").build());
        message.saveChanges();

        assertThat(Rendering.received(message).getMessageID()).isEqualTo("<order-42@shop.example>");
    }

    @Test
    void domainFromFromOrConfigured() {
        StableIdMessage fromDomain = Rendering.render(
                Rendering.mail().from("x@mail.example.net").text("Hi").build());
        StableIdMessage configured = new MailRenderer(Rendering.MAILER, "a@example.org", "ids.example.com")
                .render(Rendering.mail().text("Hi").build(), Rendering.SESSION);

        assertThat(fromDomain.messageId()).endsWith("@mail.example.net>");
        assertThat(configured.messageId()).endsWith("@ids.example.com>");
    }
}
