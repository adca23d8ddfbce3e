package dev.mailwire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The literal equals the annotation as written, so {@code Instance.select(MailerName.Literal.of(...))} works. */
class MailerNameLiteralTest {

    @MailerName("billing")
    private static final Object ANNOTATED = null;

    @Test
    void literalEqualsAnnotation() throws Exception {
        MailerName annotation =
                MailerNameLiteralTest.class.getDeclaredField("ANNOTATED").getAnnotation(MailerName.class);

        assertThat(MailerName.Literal.of("billing")).isEqualTo(annotation).hasSameHashCodeAs(annotation);
        assertThat(MailerName.Literal.of("other")).isNotEqualTo(annotation);
        assertThat(MailerName.Literal.of("billing").annotationType()).isEqualTo(MailerName.class);
    }
}
