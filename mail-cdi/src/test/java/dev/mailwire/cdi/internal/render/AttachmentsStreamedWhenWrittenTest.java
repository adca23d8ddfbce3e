package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mailwire.Attachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering and {@code saveChanges()} read no attachment content (the transfer encoding is fixed as base64, so
 * Angus does not read the content to choose one); each write opens it once and streams it.
 */
class AttachmentsStreamedWhenWrittenTest {

    @Test
    void sourceOpenedOncePerWriteNeverWhileRendering() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Attachment attachment = Attachment.of("a.bin", null, 3, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(new byte[] {1, 2, 3});
        });

        StableIdMessage message = Rendering.render(
                Rendering.mail().text("Hi").attachment(attachment).build());
        message.saveChanges();
        assertThat(opened).hasValue(0);

        message.writeTo(OutputStream.nullOutputStream());
        message.writeTo(OutputStream.nullOutputStream());
        assertThat(opened).hasValue(2);
    }

    @Test
    void fileReadWhenWrittenNotWhenRendered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.pdf");
        Files.write(file, new byte[] {1, 2, 3});
        StableIdMessage message = Rendering.render(
                Rendering.mail().text("Hi").attachment(Attachment.of(file)).build());

        Files.delete(file);

        Throwable e = catchThrowable(() -> message.writeTo(OutputStream.nullOutputStream()));

        assertThat(causes(e)).hasAtLeastOneElementOfType(NoSuchFileException.class);
    }

    @Test
    void singleUseStreamWrittenOnce() throws Exception {
        Attachment once = Attachment.ofSingleUse("a.bin", null, new ByteArrayInputStream(new byte[] {1}));
        StableIdMessage message =
                Rendering.render(Rendering.mail().text("Hi").attachment(once).build());

        message.writeTo(OutputStream.nullOutputStream());

        Throwable e = catchThrowable(() -> message.writeTo(OutputStream.nullOutputStream()));

        assertThat(causes(e))
                .anySatisfy(c -> assertThat(c).isInstanceOf(IOException.class).hasMessageContaining("already read"));
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
