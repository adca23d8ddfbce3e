package dev.mailwire.jca;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets for one mailer: TLS 1.2 or newer, hostname verification always on, TCP_NODELAY on the socket
 * underneath. One instance per mailer so that TLS sessions are resumed; Angus's own {@code mail.smtp.ssl.trust}
 * builds a new SSL context on every STARTTLS, which defeats resumption.
 *
 * <p>Angus layers TLS on a connected plain socket in both modes (after STARTTLS, and for implicit TLS right after
 * connect), so {@link #createSocket(Socket, String, int, boolean)} is the path that matters.
 */
final class TlsSocketFactory extends SSLSocketFactory {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory delegate;

    TlsSocketFactory(SSLContext context) {
        this.delegate = context.getSocketFactory();
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        plain.setTcpNoDelay(true);
        SocketCapture.record(plain);
        SSLSocket tls = new CorkingTlsSocket(harden((SSLSocket) delegate.createSocket(plain, host, port, autoClose)));
        SocketCapture.recordTls(tls);
        return tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        return harden((SSLSocket) delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return harden((SSLSocket) delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return harden((SSLSocket) delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return harden((SSLSocket) delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return harden((SSLSocket) delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private static SSLSocket harden(SSLSocket socket) {
        SSLParameters params = socket.getSSLParameters();
        params.setProtocols(PROTOCOLS);
        // The JDK checks the certificate against the host name during the handshake; Angus checks again after.
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        return socket;
    }
}
