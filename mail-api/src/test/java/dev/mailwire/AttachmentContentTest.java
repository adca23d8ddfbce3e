package dev.mailwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes are copied; files and streams are opened only when read, each time; single-use content reads once. */
class AttachmentContentTest {

    @Test
    void bytesAreCopied() throws IOException {
        byte[] content = {1, 2, 3};
        Attachment attachment = Attachment.of("a.bin", null, content);
        content[0] = 9;

        try (InputStream in = attachment.openStream()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(attachment.size()).hasValue(3);
        assertThat(attachment.contentType()).isEqualTo("application/octet-stream");
        assertThat(attachment.repeatable()).isTrue();
    }

    @Test
    void fileIsOpenedOnlyWhenRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.txt");
        Attachment attachment = Attachment.of(file); // the file does not exist yet: nothing is read here

        Files.writeString(file, "hello");

        assertThat(attachment.name()).isEqualTo("report.txt");
        assertThat(attachment.contentType()).isEqualTo("text/plain");
        assertThat(attachment.size()).hasValue(5);
        for (int i = 0; i < 2; i++) {
            try (InputStream in = attachment.openStream()) {
                assertThat(in.readAllBytes()).asString().isEqualTo("hello");
            }
        }
    }

    @Test
    void sourceIsCalledForEachRead() throws IOException {
        AtomicInteger opened = new AtomicInteger();
        Attachment attachment = Attachment.of("a.csv", "text/csv", -1, () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(new byte[] {1});
        });

        assertThat(opened).hasValue(0);
        attachment.openStream().close();
        attachment.openStream().close();

        assertThat(opened).hasValue(2);
        assertThat(attachment.size()).isEmpty();
    }

    @Test
    void singleUseStreamReadsOnce() throws IOException {
        Attachment attachment = Attachment.ofSingleUse("a.bin", null, new ByteArrayInputStream(new byte[] {1}));

        assertThat(attachment.repeatable()).isFalse();
        attachment.openStream().close();
        assertThatThrownBy(attachment::openStream)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a.bin");
    }
}
