package dev.mailwire.test.smtp.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Bytes in and out of one connection: command lines, the DATA section exactly as sent, and replies (optionally a
 * byte at a time). Reads through its own buffer so that bytes a client pipelined after STARTTLS can be seen and
 * thrown away before the handshake, as RFC 3207 section 4.2 asks of a server.
 */
final class SmtpWire {

    /** Longer than any legal command (RFC 5321: 512) or text line (1000); a client sending more is broken. */
    private static final int MAX_LINE = 64 * 1024;

    private static final byte[] END_OF_DATA = {(byte) '.', (byte) '\r', (byte) '\n'};

    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;

    SmtpWire(Socket socket) throws IOException {
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** One line including its terminator (LF, CRLF or none at end of stream), or null at end of stream. */
    byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (start == end && !fill()) {
                return line.size() == 0 ? null : line.toByteArray();
            }
            int newline = indexOf((byte) '\n');
            int stop = newline >= 0 ? newline + 1 : end;
            line.write(buffer, start, stop - start);
            start = stop;
            if (newline >= 0) {
                return line.toByteArray();
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    /** A command line as text, without its CR LF; null at end of stream. */
    String readCommand() throws IOException {
        byte[] line = readLine();
        return line == null ? null : stripEol(new String(line, StandardCharsets.UTF_8));
    }

    /** The DATA section: as on the wire (dot-stuffed, without the final dot line) and as meant (unstuffed). */
    record Data(byte[] wire, byte[] content, boolean bareLineEndings, boolean complete) {}

    /**
     * Reads up to the end-of-data mark. Only CR LF "." CR LF ends the data (RFC 5321 section 4.1.1.4): a server that
     * also took LF "." LF would be open to SMTP smuggling, and a client that sends bare LFs should be seen to.
     */
    Data readData() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        boolean bare = false;
        boolean atLineStart = true; // after CR LF, or at the start of the data
        while (true) {
            byte[] line = readLine();
            if (line == null) {
                return new Data(wire.toByteArray(), content.toByteArray(), bare, false);
            }
            if (atLineStart && Arrays.equals(line, END_OF_DATA)) {
                return new Data(wire.toByteArray(), content.toByteArray(), bare, true);
            }
            wire.write(line);
            boolean stuffed = atLineStart && line.length > 0 && line[0] == '.';
            content.write(line, stuffed ? 1 : 0, line.length - (stuffed ? 1 : 0));
            boolean crlf = line.length >= 2 && line[line.length - 2] == '\r' && line[line.length - 1] == '\n';
            bare |= (!crlf && line[line.length - 1] == '\n') || containsBareCr(line);
            atLineStart = crlf;
        }
    }

    private static boolean containsBareCr(byte[] line) {
        for (int i = 0; i < line.length - 1; i++) {
            if (line[i] == '\r' && line[i + 1] != '\n') {
                return true;
            }
        }
        return line.length > 0 && line[line.length - 1] == '\r';
    }

    /** Whether bytes the client sent after the last line read are already here (it did not wait for a reply). */
    boolean hasBuffered() {
        return start < end;
    }

    /** Bytes already read from the socket but not yet consumed: what a client sent ahead of our reply. */
    byte[] drainBuffered() {
        byte[] pending = Arrays.copyOfRange(buffer, start, end);
        start = end;
        return pending;
    }

    /** Writes a reply; with a delay, one byte at a time, flushing each (a server on a very slow link). */
    void write(String text, Duration perByte) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (perByte.isZero()) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            sleep(perByte);
        }
    }

    /**
     * Reads and drops everything until the client closes: a black hole that still notices when the client gives
     * up, so the connection does not stay open for ever.
     */
    void discardUntilClosed() {
        try {
            start = end;
            while (in.read(buffer) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // closed by either side
        }
    }

    static String stripEol(String line) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\n') {
            length--;
        }
        if (length > 0 && line.charAt(length - 1) == '\r') {
            length--;
        }
        return line.substring(0, length);
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            return false;
        }
        start = 0;
        end = read;
        return true;
    }

    private int indexOf(byte b) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while trickling a reply", e);
        }
    }
}
