package dev.mailwire.cdi.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Attachment;
import dev.mailwire.Mail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB file attachment renders and writes in a JVM with a 64 MB heap: the content is streamed, never held
 * whole. Runs {@link #main} in a child JVM, since this test JVM's heap is larger.
 */
class LargeAttachmentSmallHeapTest {

    private static final long SIZE = 100L * 1024 * 1024;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void hundredMegabytesUnderSixtyFourMegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx64m",
                        "-cp",
                        classPath(),
                        LargeAttachmentSmallHeapTest.class.getName(),
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        long written = Long.parseLong(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(written).isGreaterThan(SIZE * 4 / 3); // base64 grows the content by a third
    }

    /** Renders a mail with the file at {@code args[0]} attached and prints how many bytes its write produced. */
    public static void main(String[] args) throws Exception {
        Mail mail = Rendering.mail()
                .text("see attached")
                .attachment(Attachment.of(Path.of(args[0])))
                .build();
        StableIdMessage message = Rendering.render(mail);
        CountingOutputStream out = new CountingOutputStream();
        message.writeTo(out);
        System.out.println(out.count);
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
