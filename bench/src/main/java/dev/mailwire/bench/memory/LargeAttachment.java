package dev.mailwire.bench.memory;

import dev.mailwire.bench.harness.ForkedJvm;
import dev.mailwire.bench.server.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/** P5 from the parent's side: makes the 100 MB file, runs {@link LargeAttachmentSend} in a forked -Xmx64m JVM. */
public final class LargeAttachment {

    public static final long SIZE = 100L * 1024 * 1024;
    public static final String HEAP = "-Xmx64m";

    /**
     * @param seconds wall time of the send in the child, container boot included
     * @param peakHeapMb the sum of the heap pools' peak usage in the child
     */
    public record Result(String path, boolean ok, double seconds, long peakHeapMb, long maxHeapMb, String detail) {

        public static Result failed(String path, String detail) {
            return new Result(path, false, 0, -1, 64, detail);
        }
    }

    private LargeAttachment() {}

    public static Result run(String mode, Target t, Path workDir) throws IOException, InterruptedException {
        String line = ForkedJvm.run(
                List.of(HEAP),
                LargeAttachmentSend.class,
                t.asArgumentsAfter(mode, file(workDir).toString()),
                Duration.ofMinutes(5));
        String[] f = line.split(" ", 6);
        if (f.length < 5 || !f[2].matches("[0-9.]+")) { // the forked JVM's own failure, not the child's
            return Result.failed(mode, line.replaceFirst("^RESULT (failed )?", ""));
        }
        return new Result(
                mode,
                f[1].equals("ok"),
                Double.parseDouble(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]),
                f.length > 5 ? f[5].trim() : "");
    }

    private static Path file(Path workDir) throws IOException {
        Path file = workDir.resolve("attachment-100mb.bin");
        if (Files.isRegularFile(file) && Files.size(file) == SIZE) {
            return file;
        }
        Files.createDirectories(workDir);
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block); // incompressible-looking bytes; base64 makes it about 137 MB on the wire
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                out.write(block);
            }
        }
        return file;
    }
}
