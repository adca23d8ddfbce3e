package dev.mailwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A built mail does not change when its builder does, and its collections cannot be modified. */
class MailIsImmutableTest {

    @Test
    void builderChangesDoNotLeakIntoBuiltMail() {
        Mail.Builder builder = Mail.builder().to("a@example.org").header("X-Tag", "1");
        Mail mail = builder.build();

        builder.to("b@example.org").header("X-Tag", "2").subject("later");

        assertThat(mail.to()).containsExactly("a@example.org");
        assertThat(mail.headers()).containsExactly(new Mail.Header("X-Tag", "1"));
        assertThat(mail.subject()).isEmpty();
    }

    @Test
    void collectionsAreUnmodifiable() {
        Mail mail = Mail.builder()
                .to("a@example.org")
                .attachment(Attachment.of("a.txt", "text/plain", new byte[] {1}))
                .build();

        assertThatThrownBy(() -> mail.to().add("x@example.org")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mail.attachments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> mail.headers().add(new Mail.Header("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderCopies() {
        Mail mail = Mail.builder()
                .from("f@example.org")
                .to("a@example.org")
                .cc("c@example.org")
                .bcc("b@example.org")
                .replyTo("r@example.org")
                .subject("s")
                .text("t")
                .html("<p>h</p>")
                .inline("logo", Attachment.of("l.png", "image/png", new byte[] {1}))
                .messageId("<id@example.org>")
                .build();

        Mail copy = mail.toBuilder().to("d@example.org").build();

        assertThat(copy.to()).containsExactly("a@example.org", "d@example.org");
        assertThat(copy.from()).contains("f@example.org");
        assertThat(copy.cc()).containsExactly("c@example.org");
        assertThat(copy.bcc()).containsExactly("b@example.org");
        assertThat(copy.replyTo()).containsExactly("r@example.org");
        assertThat(copy.html()).contains("<p>h</p>");
        assertThat(copy.inlines()).extracting(InlinePart::contentId).containsExactly("logo");
        assertThat(copy.messageId()).contains("<id@example.org>");
        assertThat(mail.to()).containsExactly("a@example.org");
    }

    @Test
    void toStringHidesAddressesAndContent() {
        Mail mail = Mail.builder().to("secret@example.org").subject("private").build();

        assertThat(mail.toString()).doesNotContain("secret", "private");
    }
}
