package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.InvalidMailException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Custom headers go out ASCII (MIME-encoded), folded when long, repeated when added twice; Mailwire's own are refused. */
class CustomHeadersTest {

    @Test
    void encodedFoldedAndRepeated() throws Exception {
        String longValue = "word ".repeat(60).strip();
        MimeMessage message = Rendering.received(Rendering.render(Rendering.mail()
                .text("Hi")
                .header("X-Campaign", "Grüße 嘊")
                .header("X-Long", longValue)
                .header("X-Tag", "a")
                .header("X-Tag", "b")
                .build()));

        String campaign = message.getHeader("X-Campaign", null);
        assertThat(campaign).startsWith("=?UTF-8?");
        assertThat(MimeUtility.decodeText(campaign)).isEqualTo("Grüße 嘊");
        assertThat(message.getHeader("X-Long", null)).contains("\r\n ");
        assertThat(MimeUtility.unfold(message.getHeader("X-Long", null))).isEqualTo(longValue);
        assertThat(message.getHeader("X-Tag")).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "From",
                "to",
                "Subject",
                "Message-ID",
                "Date",
                "MIME-Version",
                "Content-Type",
                "content-transfer-encoding"
            })
    void ownHeadersRefused(String name) {
        assertThatThrownBy(() ->
                        Rendering.render(Rendering.mail().header(name, "x").build()))
                .isInstanceOfSatisfying(
                        InvalidMailException.class, e -> assertThat(e.field()).isEqualTo("header " + name));
    }
}
