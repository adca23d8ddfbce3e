package dev.mailwire.bench.clients.raw;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Commands out, replies in, over one socket: buffered both ways so that a pipelined group of commands leaves in one
 * TCP segment and several replies are read from one. Nothing is flushed until the caller says so.
 */
final class SmtpWire {

    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(128);

    SmtpWire(Socket socket) throws IOException {
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    void command(String command) throws IOException {
        out.write(command.getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
    }

    void bytes(byte[] data) throws IOException {
        out.write(data);
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Reads one reply (all lines of a multi-line one) and checks its code's first digit.
     *
     * @return the reply's last line
     */
    String expect(char firstDigit, String after) throws IOException {
        String last = reply();
        if (!is(last, firstDigit)) {
            throw new IOException("after " + after + ": expected " + firstDigit + "xx, got: " + last);
        }
        return last;
    }

    /**
     * Reads the replies to a pipelined group, one per command of {@code after}, each checked against the digit at
     * the same index of {@code firstDigits}. Every reply is read before any is judged, so that the failure names
     * every refusal (a refused RCPT and the 554 it brings to DATA or BDAT), not only the first.
     */
    void expectEach(String firstDigits, String... after) throws IOException {
        StringBuilder refused = new StringBuilder();
        for (int i = 0; i < after.length; i++) {
            String last = reply();
            if (!is(last, firstDigits.charAt(i))) {
                refused.append(refused.isEmpty() ? "" : "; ")
                        .append("after ")
                        .append(after[i])
                        .append(": expected ")
                        .append(firstDigits.charAt(i))
                        .append("xx, got: ")
                        .append(last);
            }
        }
        if (!refused.isEmpty()) {
            throw new IOException(refused.toString());
        }
    }

    private String reply() throws IOException {
        String last;
        do {
            last = readLine();
        } while (last.length() > 3 && last.charAt(3) == '-');
        return last;
    }

    private static boolean is(String reply, char firstDigit) {
        return !reply.isEmpty() && reply.charAt(0) == firstDigit;
    }

    /** Reads the EHLO reply, returning all its lines joined by newlines (the extensions). */
    String ehloReply() throws IOException {
        StringBuilder all = new StringBuilder();
        String l;
        do {
            l = readLine();
            all.append(l).append('\n');
        } while (l.length() > 3 && l.charAt(3) == '-');
        if (!l.startsWith("250")) {
            throw new IOException("EHLO refused: " + all);
        }
        return all.toString();
    }

    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed by the server after: " + line);
    }
}
