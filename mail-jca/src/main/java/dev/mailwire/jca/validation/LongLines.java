package dev.mailwire.jca.validation;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Body lines over 998 octets (RFC 5322 §2.1.1, RFC 5321 §4.5.3.1.6): servers split or refuse them, and a split
 * changes what a signature covers. Only a part whose content goes out as it is can have one: base64 and
 * quoted-printable wrap their lines. Angus never chooses an identity encoding (7bit, 8bit) for such content when
 * it chooses one itself, so only the parts whose caller declared an identity encoding before the message was saved
 * are read, once each (what a stream gave is kept as the content, so it is not read again to be sent); a streamed
 * attachment left to Angus or sent in base64 is not read here.
 *
 * <p>Such a line is refused, not re-encoded: the caller chose the encoding, and re-encoding would change the bytes
 * of a part that may be signed (a {@code multipart/signed} body, S/MIME or PGP), so the fix is the caller's: leave
 * Content-Transfer-Encoding unset, or set quoted-printable or base64.
 */
final class LongLines {

    static final int MAX_LINE = 998;

    private LongLines() {}

    /** The parts (of {@code root}'s tree, itself included) that declare an identity encoding; before saving. */
    static Set<MimePart> declaredIdentity(MimePart root) throws MessagingException {
        Set<MimePart> out = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, 0, out);
        return out;
    }

    private static void collect(MimePart part, int depth, Set<MimePart> out) throws MessagingException {
        if (depth > PartWalk.MAX_DEPTH) {
            return; // the walk refuses it
        }
        if (PartWalk.isMultipart(part)) {
            Object content;
            try {
                content = part.getContent();
            } catch (IOException e) {
                return; // the walk reports it
            }
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (multipart.getBodyPart(i) instanceof MimePart child) {
                        collect(child, depth + 1, out);
                    }
                }
            }
        } else if (isIdentity(part.getHeader("Content-Transfer-Encoding", null))) {
            out.add(part);
        }
    }

    private static boolean isIdentity(String encoding) {
        if (encoding == null) {
            return false;
        }
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        return e.equals("7bit") || e.equals("8bit") || e.equals("binary");
    }

    /**
     * The 1-based number of the first line over {@value #MAX_LINE} octets in the part's content; 0 if none. Content
     * that only a stream holds (a file, a URL, a caller's own DataSource) is read once, here, and what was read
     * becomes the part's content: the message then writes the bytes that were checked, and never asks a single-use
     * stream, or a file that changed in between, a second time.
     */
    static long firstLongLine(MimePart part) throws MessagingException {
        DataHandler handler = part.getDataHandler();
        boolean inMemory = isInMemory(handler);
        // Only a String body is asked for as content: for a stream, getContent() would be one more read.
        if (inMemory && part.isMimeType("text/*") && isUtf8OrAscii(part)) {
            Object content;
            try {
                content = part.getContent();
            } catch (IOException e) {
                content = null;
            }
            if (content instanceof String text) {
                return firstLongLine(text);
            }
        }
        LineCounter counter = new LineCounter(inMemory ? null : new ByteArrayOutputStream());
        try {
            handler.writeTo(counter);
        } catch (LongLineFound found) {
            return counter.lines;
        } catch (IOException e) {
            throw new MessagingException(String.valueOf(e.getMessage()), e); // worded by MWJCA-214
        }
        if (counter.copy != null) {
            keep(part, counter.copy.toByteArray());
        }
        return 0;
    }

    /**
     * Whether the content can be read again at no cost and with the same result: an object given to
     * {@code setContent}/{@code setText}, bytes, or a part parsed from a message (the outbox's stored copy).
     */
    private static boolean isInMemory(DataHandler handler) {
        DataSource source = handler.getDataSource();
        return source instanceof MimePartDataSource
                || source instanceof ByteArrayDataSource
                // What DataHandler.getDataSource() wraps an object in: the object is the content.
                || source.getClass().getName().equals("jakarta.activation.DataHandlerDataSource");
    }

    /** Makes {@code bytes} the part's content, keeping its headers: setDataHandler drops the two content headers. */
    private static void keep(MimePart part, byte[] bytes) throws MessagingException {
        String type = part.getHeader("Content-Type", null);
        String encoding = part.getHeader("Content-Transfer-Encoding", null);
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type == null ? "text/plain" : type)));
        if (type != null) {
            part.setHeader("Content-Type", type);
        }
        if (encoding != null) {
            part.setHeader("Content-Transfer-Encoding", encoding);
        }
    }

    /** A String body in UTF-8 or ASCII is scanned as it is: no write through the content handler just to count. */
    private static long firstLongLine(String text) {
        long lines = 1;
        int octets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lines += c == '\n' || i + 1 >= text.length() || text.charAt(i + 1) != '\n' ? 1 : 0;
                octets = 0;
                continue;
            }
            octets += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            if (octets > MAX_LINE) {
                return lines;
            }
        }
        return 0;
    }

    private static boolean isUtf8OrAscii(MimePart part) throws MessagingException {
        try {
            String charset = new ContentType(part.getContentType()).getParameter("charset");
            return charset == null
                    || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())
                    || charset.equalsIgnoreCase("us-ascii");
        } catch (ParseException e) {
            return false;
        }
    }

    /** Counts octets per line as the SMTP stream sees them: CR, LF and CRLF each end a line. */
    private static final class LineCounter extends OutputStream {
        /** Where what is counted is kept, or null. */
        final ByteArrayOutputStream copy;

        long lines = 1;
        int octets;
        boolean afterCr;

        LineCounter(ByteArrayOutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            if (copy != null) {
                copy.write(b);
            }
            if (b == '\n' && afterCr) {
                afterCr = false;
                return;
            }
            afterCr = b == '\r';
            if (b == '\r' || b == '\n') {
                lines++;
                octets = 0;
            } else if (++octets > MAX_LINE) {
                throw new LongLineFound();
            }
        }
    }

    /** Stops the read at the first long line: a large stream need not be read to its end. */
    private static final class LongLineFound extends IOException {
        private static final long serialVersionUID = 1L;

        LongLineFound() {
            super(null, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
