package dev.mailwire.cdi.render;

import dev.mailwire.Attachment;
import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams an {@link Attachment} into a MIME part: the content is opened only when the part is written, once per
 * write, and copied through (never held whole in memory), so a file attachment may be larger than the heap.
 * {@code DataHandler.writeTo} closes each stream it opens.
 */
final class AttachmentDataSource implements DataSource {

    private final Attachment attachment;

    AttachmentDataSource(Attachment attachment) {
        this.attachment = attachment;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return attachment.openStream();
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
