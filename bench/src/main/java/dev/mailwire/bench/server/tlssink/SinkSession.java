package dev.mailwire.bench.server.tlssink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP session of the TLS sink: STARTTLS required before AUTH, AUTH (PLAIN or LOGIN, one user) required before
 * MAIL, PIPELINING announced, content read and thrown away. Enough protocol for every client of the bench, and no
 * more: it is a sink, not a server.
 */
final class SinkSession implements Runnable {

    private static final String OK = "250 2.0.0 Ok";

    private final Socket plain;
    private final SSLContext tls;
    private final String credentials;
    private Socket socket;
    private SinkInput in;
    private OutputStream out;
    private boolean secure;
    private boolean authenticated;
    private boolean mail;
    private boolean rcpt;

    SinkSession(Socket plain, SSLContext tls, String user, String password) {
        this.plain = plain;
        this.tls = tls;
        this.credentials = user + "\0" + password;
    }

    @Override
    public void run() {
        try (Socket s = plain) {
            s.setTcpNoDelay(true);
            use(s);
            reply("220 tls-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                if (!command(line)) {
                    break;
                }
            }
            flush();
        } catch (IOException | UncheckedIOException e) {
            // the client went away: nothing to clean up in a sink
        }
    }

    /** @return false after QUIT */
    private boolean command(String line) throws IOException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "EHLO" -> ehlo();
            case "HELO" -> reply("250 tls-sink");
            case "STAR" -> startTls();
            case "AUTH" -> auth(line);
            case "MAIL" -> {
                if (!secure || !authenticated) {
                    reply(
                            secure
                                    ? "530 5.7.0 Authentication required"
                                    : "530 5.7.0 Must issue a STARTTLS command first");
                } else {
                    mail = true;
                    rcpt = false;
                    reply("250 2.1.0 Ok");
                }
            }
            case "RCPT" -> {
                rcpt = mail;
                reply(mail ? "250 2.1.5 Ok" : "503 5.5.1 Error: need MAIL command");
            }
            case "DATA" -> data();
            case "RSET" -> {
                mail = rcpt = false;
                reply(OK);
            }
            case "NOOP" -> reply(OK);
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                return false;
            }
            default -> reply("502 5.5.2 Error: command not recognized");
        }
        return true;
    }

    private void ehlo() throws IOException {
        mail = rcpt = false;
        write("250-tls-sink\r\n250-PIPELINING\r\n250-SIZE 300000000\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n");
        reply(secure ? "250 AUTH PLAIN LOGIN" : "250 STARTTLS");
    }

    private void startTls() throws IOException {
        if (secure) {
            reply("554 5.5.1 Error: TLS already active");
            return;
        }
        reply("220 2.0.0 Ready to start TLS");
        flush();
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        s.startHandshake();
        in.discardBuffered();
        use(s);
        secure = true;
        mail = rcpt = false;
    }

    private void auth(String line) throws IOException {
        String[] f = line.split(" ");
        if (!secure) {
            reply("538 5.7.11 Encryption required for requested authentication mechanism");
        } else if (f.length >= 2 && f[1].equalsIgnoreCase("PLAIN")) {
            String response = f.length >= 3 ? f[2] : challenge("");
            // authzid NUL authcid NUL passwd (RFC 4616); the authzid may be empty
            String[] parts = decode(response).split("\0", -1);
            authenticated = parts.length == 3 && (parts[1] + "\0" + parts[2]).equals(credentials);
            reply(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication failed");
        } else if (f.length >= 2 && f[1].equalsIgnoreCase("LOGIN")) {
            String user = decode(f.length >= 3 ? f[2] : challenge("VXNlcm5hbWU6"));
            String password = decode(challenge("UGFzc3dvcmQ6"));
            authenticated = (user + "\0" + password).equals(credentials);
            reply(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication failed");
        } else {
            reply("504 5.5.4 Unrecognized authentication type");
        }
    }

    private void data() throws IOException {
        if (!rcpt) {
            reply("503 5.5.1 Error: need RCPT command");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        if (in.skipData() < 0) {
            throw new IOException("end of stream in DATA");
        }
        mail = rcpt = false;
        reply("250 2.0.0 Ok: queued as sink");
    }

    private String challenge(String base64) throws IOException {
        reply("334 " + base64);
        String response = in.readLine();
        if (response == null) {
            throw new IOException("end of stream in AUTH");
        }
        return response;
    }

    private static String decode(String base64) {
        try {
            return SinkInput.ascii(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private void use(Socket s) throws IOException {
        socket = s;
        out = new BufferedOutputStream(s.getOutputStream(), 8192);
        in = new SinkInput(s.getInputStream(), this::flush);
    }

    private void reply(String line) throws IOException {
        write(line + "\r\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "SinkSession[" + socket + "]";
    }
}
