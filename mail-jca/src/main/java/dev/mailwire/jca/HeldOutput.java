package dev.mailwire.jca;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A connection's output that holds writes and flushes while corked ({@link Cork}), and its input that releases them. */
final class HeldOutput extends OutputStream {

    /** More than this held is written at once, cork or not: the cork is for a dot and an envelope, not content. */
    private static final int MAX_HELD = 64 * 1024;

    private final OutputStream out;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream(512);
    private boolean corked;

    HeldOutput(OutputStream out) {
        this.out = out;
    }

    synchronized void cork() {
        corked = true;
    }

    /** Writes what is held in one write, flushes, and stops holding. */
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

    /** The connection's input: sends whatever is held before it reads, so that no reply waits for bytes not sent. */
    static final class Releasing extends FilterInputStream {
        private final Cork cork;

        Releasing(InputStream in, Cork cork) {
            super(in);
            this.cork = cork;
        }

        @Override
        public int read() throws IOException {
            cork.uncork();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            cork.uncork();
            return super.read(b, off, len);
        }
    }
}
