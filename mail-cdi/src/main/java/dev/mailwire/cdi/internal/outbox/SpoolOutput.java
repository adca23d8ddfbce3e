package dev.mailwire.cdi.internal.outbox;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@link MessageSpool} is written: heap first, a temporary file once past {@link MessageSpool#IN_HEAP};
 * counts every byte, and stops with {@link MessageSpool.TooLarge} as soon as the count would pass the limit, so a
 * message too large is never written whole anywhere.
 */
final class SpoolOutput extends OutputStream {
    private final long limit;
    private ByteArrayOutputStream heap = new ByteArrayOutputStream(8192);
    private Path file;
    private OutputStream disk;
    private long count;
    private boolean exceeded;

    SpoolOutput(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (limit > 0 && count + len > limit) {
            exceeded = true;
            throw new MessageSpool.TooLarge(limit);
        }
        count += len;
        if (disk == null && count > MessageSpool.IN_HEAP) {
            file = Files.createTempFile("mailwire-outbox-", ".eml");
            disk = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            heap.writeTo(disk);
            heap = null;
        }
        if (disk != null) {
            disk.write(b, off, len);
        } else {
            heap.write(b, off, len);
        }
    }

    /** Whether writing stopped at the limit. */
    boolean exceeded() {
        return exceeded;
    }

    MessageSpool spool() throws IOException {
        if (disk == null) {
            return new MessageSpool(heap.toByteArray(), null, count);
        }
        disk.close();
        return new MessageSpool(null, file, count);
    }

    void discard() throws IOException {
        if (disk != null) {
            disk.close();
            Files.deleteIfExists(file);
            disk = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (disk != null) {
            disk.close(); // spool() closed it already when all went well
        }
    }
}
