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

    private final HeldStreams streams = new HeldStreams(super::getOutputStream, super::getInputStream);

    @Override
    public void cork() throws IOException {
        streams.cork();
    }

    @Override
    public void uncork() throws IOException {
        streams.uncork();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return streams.output();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return streams.input();
    }
}
