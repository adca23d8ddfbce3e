package dev.mailwire.jca;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A plain TCP socket whose writes can be held back and then sent in one write: what TCP_CORK does, in user space.
 * Mailwire corks it when it writes a message's final dot whose reply it will read later, so that the dot and the next
 * message's envelope, written moments later, leave in one TCP segment instead of two (RFC 2920 §3.1 lets a client
 * send them together). A TLS socket layered on this one writes its records through it, so the cork holds them too.
 *
 * <p>Held bytes can never wait for a reply that needs them: reading from the socket first sends whatever is held,
 * and so does {@link #uncork()}. Closing the socket drops held bytes, as closing any socket drops unsent data.
 */
class CorkingSocket extends Socket {

    /** More than this held is written at once, cork or not: the cork is for a dot and an envelope, not content. */
    private static final int MAX_HELD = 64 * 1024;

    private final Object lock = new Object();
    private CorkedOutput output;
    private InputStream input;

    /** Holds every write until {@link #uncork()} or the next read. */
    void cork() throws IOException {
        corkedOutput().cork();
    }

    /** Sends what is held, in one write, and stops holding. */
    void uncork() throws IOException {
        CorkedOutput out;
        synchronized (lock) {
            out = output;
        }
        if (out != null) {
            out.release();
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return corkedOutput();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        synchronized (lock) {
            if (input == null) {
                input = new UncorkingInput(super.getInputStream());
            }
            return input;
        }
    }

    private CorkedOutput corkedOutput() throws IOException {
        synchronized (lock) {
            if (output == null) {
                output = new CorkedOutput(super.getOutputStream());
            }
            return output;
        }
    }

    /** The socket's output, holding writes and flushes while corked. */
    private static final class CorkedOutput extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream(512);
        private boolean corked;

        CorkedOutput(OutputStream out) {
            this.out = out;
        }

        synchronized void cork() {
            corked = true;
        }

        synchronized void release() throws IOException {
            corked = false;
            if (held.size() > 0) {
                byte[] bytes = held.toByteArray();
                held.reset();
                out.write(bytes);
            }
            out.flush();
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (!corked) {
                out.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() > MAX_HELD) {
                byte[] bytes = held.toByteArray();
                held.reset();
                out.write(bytes);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (!corked) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The socket's input: sends whatever is held before it reads, so that no reply is awaited for bytes not sent. */
    private final class UncorkingInput extends FilterInputStream {
        UncorkingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            uncork();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            uncork();
            return super.read(b, off, len);
        }
    }
}
