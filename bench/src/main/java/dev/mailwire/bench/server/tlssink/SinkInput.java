package dev.mailwire.bench.server.tlssink;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads SMTP command lines and DATA content from a socket through one buffer. Before it blocks for more bytes it
 * runs {@code beforeBlocking} (the session flushes its replies there): replies to a pipelined group of commands
 * then leave together, as RFC 2920 servers do, and a lock-step client still gets each reply at once.
 */
final class SinkInput {

    private final InputStream in;
    private final Runnable beforeBlocking;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    SinkInput(InputStream in, Runnable beforeBlocking) {
        this.in = in;
        this.beforeBlocking = beforeBlocking;
    }

    /** The next line without its CRLF, or null at end of stream. Lines longer than 4 KB are cut. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (pos == limit && !fill()) {
                return line.length() == 0 ? null : line.toString();
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            if (line.length() < 4096) {
                line.append((char) (b & 0xff));
            }
        }
    }

    /**
     * Skips message content up to and including the terminating CRLF.CRLF (RFC 5321 §4.1.1.4), counting bytes;
     * nothing is kept.
     *
     * @return the content's size, or -1 if the stream ended first
     */
    long skipData() throws IOException {
        // 0: inside a line, 1: CR seen, 2: at a line start, 3: line start + '.', 4: line start + '.' + CR
        int state = 2;
        long count = 0;
        while (true) {
            if (pos == limit && !fill()) {
                return -1;
            }
            byte b = buf[pos++];
            count++;
            state = switch (state) {
                case 0 -> b == '\r' ? 1 : 0;
                case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
                case 2 -> b == '.' ? 3 : b == '\r' ? 1 : 0;
                case 3 -> b == '\r' ? 4 : 0;
                default -> b == '\n' ? 5 : b == '\r' ? 1 : 0;
            };
            if (state == 5) {
                return count;
            }
        }
    }

    /** Drops what was read ahead: after STARTTLS nothing sent in the clear may count (RFC 3207 §4.2). */
    void discardBuffered() {
        pos = limit;
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private boolean fill() throws IOException {
        beforeBlocking.run();
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
