package dev.mailwire.cdi.internal.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rendered message, kept where its size allows: in heap up to {@link #IN_HEAP} bytes, beyond that in a temporary
 * file. The transactional path rendered every mail into one byte array; a 200 MB single-use attachment then ran the
 * JVM out of memory inside the transaction, before {@code max-message-size} was even checked. Here the size is
 * counted while writing, and writing stops as soon as it passes the limit ({@link TooLarge}).
 *
 * <p>Not thread-safe; {@link #close} deletes the file.
 */
final class MessageSpool implements AutoCloseable {

    /** Messages up to this size stay in heap: most mail, with no file I/O per message. */
    static final int IN_HEAP = 1 << 20;

    /** Writing stopped: the message passed the limit. */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("the message is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private SharedFileInputStream shared;

    MessageSpool(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /**
     * Writes {@code message} as the SMTP transport would send it (without Bcc and Content-Length). An envelope
     * sender (a bounce address) goes first, as a {@code Return-Path} line that {@link StoredMessage} takes off
     * again: it is kept with the mail, in the same column, so old rows and old tables need no change.
     *
     * @param limit the most bytes it may have; 0 or less: no limit
     * @throws TooLarge as soon as it has more than {@code limit} bytes (nothing is kept)
     */
    public static MessageSpool write(MimeMessage message, long limit) throws IOException, MessagingException {
        try (SpoolOutput out = new SpoolOutput(limit)) {
            try {
                StoredMessage.writeEnvelopeFrom(message, out);
                message.writeTo(out, StoredMessage.OMITTED_HEADERS);
            } catch (IOException | MessagingException | RuntimeException e) {
                out.discard();
                if (out.exceeded()) {
                    throw new TooLarge(limit); // wrapped by a part's data handler on its way out, perhaps
                }
                throw e;
            }
            return out.spool();
        }
    }

    /** Copies {@code in} (a stored message read back from the table), spilling to a file past {@link #IN_HEAP}. */
    static MessageSpool copy(InputStream in) throws IOException {
        try (SpoolOutput out = new SpoolOutput(0)) {
            try {
                in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                out.discard();
                throw e;
            }
            return out.spool();
        }
    }

    static MessageSpool of(byte[] bytes) {
        return new MessageSpool(bytes, null, bytes.length);
    }

    public long size() {
        return size;
    }

    /** The bytes, when they are in heap; null when they are in a file. */
    byte[] bytes() {
        return bytes;
    }

    boolean inHeap() {
        return bytes != null;
    }

    /** A fresh stream over the whole message. */
    InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /** A stream a {@code MimeMessage} parses without copying its content (RFC 822 headers read, body left). */
    InputStream shared() throws IOException {
        if (bytes != null) {
            return new SharedByteArrayInputStream(bytes);
        }
        if (shared == null) {
            shared = new SharedFileInputStream(file.toFile());
        }
        return shared;
    }

    void writeTo(OutputStream out) throws IOException {
        writeTo(out, 0);
    }

    /** Writes the bytes after the first {@code skip}. */
    void writeTo(OutputStream out, int skip) throws IOException {
        if (bytes != null) {
            out.write(bytes, skip, bytes.length - skip);
            return;
        }
        try (InputStream in = open()) {
            in.skipNBytes(skip);
            in.transferTo(out);
        }
    }

    /** Deletes the file, if any; the spool is unusable after. */
    @Override
    public void close() {
        try {
            if (shared != null) {
                shared.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
