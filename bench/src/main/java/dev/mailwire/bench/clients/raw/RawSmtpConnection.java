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
 * needs them, then mail in one of the {@link RawSmtpClient.Mode modes}. Not a product: no checks beyond reply
 * codes, the same message bytes every time, and no recovery: after one failed send the session is out of step (a
 * transaction half open, replies unread), so every later send on it fails too, where reading on would misattribute
 * replies.
 */
final class RawSmtpConnection implements AutoCloseable {

    private final Socket plain;
    private Socket socket;
    private SmtpWire wire;
    /** The EHLO reply after STARTTLS (where there is one): what this session may use. */
    private final String extensions;

    private String failedSend;

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
        this.extensions = extensions;
        if (!offers("PIPELINING")) {
            throw new IOException(t + " does not offer PIPELINING (RFC 2920)");
        }
    }

    SmtpWire wire() {
        return wire;
    }

    /** Whether the EHLO reply lists {@code keyword} as an extension (the first word of a line after the first). */
    boolean offers(String keyword) {
        return extensions
                .lines()
                .skip(1) // the greeting line: the server's name
                .map(l -> l.length() > 4 ? l.substring(4).split(" ", 2)[0] : "")
                .anyMatch(keyword::equalsIgnoreCase);
    }

    /** Fails when an earlier send on this session failed: its replies can no longer be matched to commands. */
    void checkInStep() throws IOException {
        if (failedSend != null) {
            throw new IOException("session out of step since an earlier send failed: " + failedSend);
        }
    }

    void sendFailed(IOException e) {
        if (failedSend == null) {
            failedSend = e.getMessage();
        }
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
