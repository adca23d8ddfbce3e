package dev.mailwire.jca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A plain TCP socket that can hold its writes back ({@link Cork}), for connections without TLS. Under TLS the cork
 * must sit above the encryption ({@link CorkingTlsSocket}): two TLS records in one segment are still two reads for
 * the server, which then answers the dot on its own (see there).
 */
class CorkingSocket extends Socket implements Cork {

    private final Object lock = new Object();
    private HeldOutput output;
    private InputStream input;

    @Override
    public void cork() throws IOException {
        heldOutput().cork();
    }

    @Override
    public void uncork() throws IOException {
        HeldOutput out;
        synchronized (lock) {
            out = output;
        }
        if (out != null) {
            out.release();
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return heldOutput();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        synchronized (lock) {
            if (input == null) {
                input = new HeldOutput.Releasing(super.getInputStream(), this);
            }
            return input;
        }
    }

    private HeldOutput heldOutput() throws IOException {
        synchronized (lock) {
            if (output == null) {
                output = new HeldOutput(super.getOutputStream());
            }
            return output;
        }
    }
}
