package dev.mailwire.jca;

import java.io.IOException;
import java.net.Socket;

/**
 * Hands the TCP socket that Angus opens to the connection that asked for it. Angus creates the socket deep inside
 * {@code SMTPTransport.connect} on the calling thread and never exposes it, but deadlines need it: closing the
 * socket is the only way to end a read that a trickling server keeps alive byte by byte, or a write to a server
 * that stopped reading.
 */
final class SocketCapture {

    private static final ThreadLocal<SocketCapture> CURRENT = new ThreadLocal<>();

    private volatile Socket socket;
    /**
     * The socket Mailwire's factory created, able to hold writes back; Angus may wrap it (its write timeout does) before
     * TLS is layered on the wrapper, which {@link #socket} then records.
     */
    private volatile CorkingSocket corking;
    /** The TLS layer over {@link #socket}, once there is one: OAuth2 AUTH writes its token there directly. */
    private volatile javax.net.ssl.SSLSocket tls;
    /** Set by {@link #closeSocket()}: a socket recorded afterwards is closed at once (its deadline already passed). */
    private volatile boolean closed;

    private SocketCapture() {}

    /** Starts capturing the sockets created on this thread; pair with {@link #end()}. */
    static SocketCapture begin() {
        SocketCapture capture = new SocketCapture();
        CURRENT.set(capture);
        return capture;
    }

    /** Called by Mailwire's socket factories with the raw TCP socket they created or layered TLS upon. */
    static void record(Socket socket) {
        SocketCapture capture = CURRENT.get();
        if (capture != null) {
            capture.socket = socket;
            if (socket instanceof CorkingSocket c) {
                capture.corking = c;
            }
            if (capture.closed) {
                capture.closeSocket();
            }
        }
    }

    /** Called by {@link TlsSocketFactory} with the TLS socket it layered on the captured one. */
    static void recordTls(javax.net.ssl.SSLSocket socket) {
        SocketCapture capture = CURRENT.get();
        if (capture != null) {
            capture.tls = socket;
        }
    }

    /** The TLS socket of this connection, or null if it has none (yet). */
    javax.net.ssl.SSLSocket tlsSocket() {
        return tls;
    }

    void end() {
        CURRENT.remove();
    }

    /** The socket under everything, able to hold writes back; null if Mailwire's factory did not create it. */
    CorkingSocket corkingSocket() {
        return corking;
    }

    /** The captured socket, or null if Angus has not created one yet. */
    Socket socket() {
        return socket;
    }

    /** Closes the captured socket, which ends any read or write blocked on it. Safe from any thread. */
    void closeSocket() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing is all we wanted; there is nothing left to release.
            }
        }
    }
}
