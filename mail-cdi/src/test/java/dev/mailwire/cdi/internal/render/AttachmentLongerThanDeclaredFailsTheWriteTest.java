package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Attachment;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/**
 * The size limits trust an attachment's declared length, so a source that delivers more than it declared fails the
 * write, naming the attachment, instead of sending a message larger than the limits allowed.
 */
class AttachmentLongerThanDeclaredFailsTheWriteTest {

    @Test
    void moreBytesThanDeclaredFail() {
        Attachment lying =
                Attachment.of("report.pdf", "application/pdf", 10, () -> new ByteArrayInputStream(new byte[10_000]));
        StableIdMessage message =
                Rendering.render(Rendering.mail().text("x").attachment(lying).build());

        assertThatThrownBy(() -> Rendering.bytes(message))
                .hasStackTraceContaining("attachment 'report.pdf' is longer than the 10 bytes it declared");
    }

    @Test
    void exactlyTheDeclaredLengthIsWritten() throws Exception {
        Attachment honest = Attachment.of(
                "report.pdf", "application/pdf", 10_000, () -> new ByteArrayInputStream(new byte[10_000]));
        StableIdMessage message =
                Rendering.render(Rendering.mail().text("x").attachment(honest).build());

        assertThat(Rendering.bytes(message).length).isGreaterThan(13_000);
    }
}
