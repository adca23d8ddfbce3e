package dev.mailwire.bench.clients.raw;

import dev.mailwire.bench.clients.TrustedTls;
import dev.mailwire.bench.server.Target;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP client session for the physical limit: connect, EHLO, STARTTLS and AUTH PLAIN when the server
 * needs them, then mail in one of three {@link RawSmtpClient.Mode modes}. Not a product: no checks beyond reply
 * codes, the same message bytes every time.
 */
final class RawSmtpConnection implements AutoCloseable {

    private final Socket plain;
    private Socket socket;
    private SmtpWire wire;

    RawSmtpConnection(Target t) throws IOException {
        plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(t.host(), t.port()), 10_000);
        plain.setSoTimeout(60_000);
        socket = plain;
        wire = new SmtpWire(socket);
        wire.expect('2', "connect");
        String extensions = ehlo();
        if (t.startTls()) {
            wire.command("STARTTLS");
            wire.flush();
            wire.expect('2', "STARTTLS");
            socket = tls(t);
            wire = new SmtpWire(socket);
            extensions = ehlo();
            String credentials = "\0" + t.username() + "\0" + t.password();
            wire.command(
                    "AUTH PLAIN " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            wire.flush();
            wire.expect('2', "AUTH");
        }
        if (!extensions.contains("PIPELINING")) {
            throw new IOException(t + " does not offer PIPELINING (RFC 2920)");
        }
    }

    SmtpWire wire() {
        return wire;
    }

    private String ehlo() throws IOException {
        wire.command("EHLO bench.example.test");
        wire.flush();
        return wire.ehloReply();
    }

    private Socket tls(Target t) throws IOException {
        SSLSocket s =
                (SSLSocket) TrustedTls.context(t).getSocketFactory().createSocket(plain, t.host(), t.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
