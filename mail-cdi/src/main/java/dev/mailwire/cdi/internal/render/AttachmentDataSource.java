package dev.mailwire.cdi.internal.render;

import dev.mailwire.Attachment;
import jakarta.activation.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.OptionalLong;

/**
 * Streams an {@link Attachment} into a MIME part: the content is opened only when the part is written, once per
 * write, and copied through (never held whole in memory), so a file attachment may be larger than the heap.
 * {@code DataHandler.writeTo} closes each stream it opens.
 *
 * <p>An attachment that declares its length is held to it: the size limits trust the declared length
 * ({@link WireSizeBound}), so a source that delivers more fails the write instead of slipping past them.
 */
final class AttachmentDataSource implements DataSource {

    private final Attachment attachment;

    AttachmentDataSource(Attachment attachment) {
        this.attachment = attachment;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream in = attachment.openStream();
        OptionalLong declared = attachment.size();
        return declared.isPresent() ? new DeclaredLength(in, declared.getAsLong()) : in;
    }

    /** Fails a read that goes past the declared length. */
    private final class DeclaredLength extends FilterInputStream {
        private final long declared;
        private long read;

        DeclaredLength(InputStream in, long declared) {
            super(in);
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            read += n;
            if (read > declared) {
                throw new IOException(
                        "attachment '" + attachment.name() + "' is longer than the " + declared + " bytes it declared");
            }
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("attachment '" + attachment.name() + "' is read-only");
    }

    @Override
    public String getContentType() {
        return attachment.contentType();
    }

    @Override
    public String getName() {
        return attachment.name();
    }
}
