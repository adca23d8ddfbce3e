package dev.mailwire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The content of an attachment or an inline part: a name, a MIME content type, and bytes, a file or a stream.
 *
 * <p>File and stream content is read only when the mail is written (sent, or stored in the outbox), and streamed:
 * it is never held in memory whole, so an attachment may be larger than the heap. An attachment whose content can be
 * read again ({@link #repeatable()}) survives a retry on a fresh connection; a single-use one
 * ({@link #ofSingleUse}) can be written once, and a second attempt fails with an {@link IOException}.
 *
 * <p>The name and content type are checked when the mail is sent (no CR, LF or control characters), not here.
 */
public final class Attachment {

    private static final String DEFAULT_TYPE = "application/octet-stream";

    /** Opens the content. Called each time the mail is written; each call must return a new stream. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final String name;
    private final String contentType;
    private final Source source;
    private final Path file;
    private final long size;
    private final boolean repeatable;

    private Attachment(String name, String contentType, Source source, Path file, long size, boolean repeatable) {
        this.name = Objects.requireNonNull(name, "name");
        this.contentType = contentType == null ? guessType(name) : contentType;
        this.source = source;
        this.file = file;
        this.size = size;
        this.repeatable = repeatable;
    }

    /** Content held in memory; {@code content} is copied. */
    public static Attachment of(String name, String contentType, byte[] content) {
        byte[] copy = Objects.requireNonNull(content, "content").clone();
        return new Attachment(name, contentType, () -> new ByteArrayInputStream(copy), null, copy.length, true);
    }

    /** A file, named after itself, its content type guessed from its name. */
    public static Attachment of(Path file) {
        return of(String.valueOf(file.getFileName()), null, file);
    }

    /**
     * A file, opened and streamed each time the mail is written; it must still exist then.
     *
     * @param contentType the MIME type, or null to guess it from {@code name}
     */
    public static Attachment of(String name, String contentType, Path file) {
        Objects.requireNonNull(file, "file");
        return new Attachment(name, contentType, () -> Files.newInputStream(file), file, -1, true);
    }

    /**
     * Content opened from {@code source} each time the mail is written (a send, a retry, the outbox), so the source
     * must return a new stream with the same content on every call. Mailwire closes each stream it opens.
     *
     * @param contentType the MIME type, or null to guess it from {@code name}
     * @param size the content's length in bytes, or -1 if unknown
     */
    public static Attachment of(String name, String contentType, long size, Source source) {
        Objects.requireNonNull(source, "source");
        return new Attachment(name, contentType, source, null, size < 0 ? -1 : size, true);
    }

    /**
     * Content that can be read only once, such as a request body. The mail can then be written only once: a retry
     * on a fresh connection is not possible, and in a transaction the content is copied into the outbox when the
     * mail is recorded. Mailwire closes the stream.
     *
     * @param contentType the MIME type, or null to guess it from {@code name}
     */
    public static Attachment ofSingleUse(String name, String contentType, InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        AtomicBoolean used = new AtomicBoolean();
        Source once = () -> {
            if (used.getAndSet(true)) {
                throw new IOException("single-use attachment '" + name + "' was already read");
            }
            return stream;
        };
        return new Attachment(name, contentType, once, null, -1, false);
    }

    /** The file name shown to the recipient. */
    public String name() {
        return name;
    }

    /** The MIME content type, for example {@code application/pdf}. */
    public String contentType() {
        return contentType;
    }

    /** The content's length in bytes, when known (a file's current length). */
    public OptionalLong size() {
        if (file != null) {
            try {
                return OptionalLong.of(Files.size(file));
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** Whether {@link #openStream()} may be called more than once. */
    public boolean repeatable() {
        return repeatable;
    }

    /** Opens the content; the caller closes the stream. */
    public InputStream openStream() throws IOException {
        return source.open();
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + contentType + (file != null ? ", file " + file : "") + "]";
    }

    private static String guessType(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        return guessed == null ? DEFAULT_TYPE : guessed;
    }
}
