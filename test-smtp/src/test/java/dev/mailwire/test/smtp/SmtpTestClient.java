package dev.mailwire.test.smtp;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP client for testing the test servers themselves, on plain JDK sockets: the harness must not depend
 * on the mail library whose behaviour it is used to check.
 */
public final class SmtpTestClient implements Closeable {

    /** One SMTP reply: the code and every line's text. */
    public record Reply(int code, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }

        @Override
        public String toString() {
            return code + " " + text();
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final String host;

    private SmtpTestClient(Socket socket, String host) throws IOException {
        this.host = host;
        use(socket);
    }

    public static SmtpTestClient connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new SmtpTestClient(socket, host);
    }

    public Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new IOException("connection closed by the server after " + lines);
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    public Reply command(String command) throws IOException {
        write(command + "\r\n");
        return read();
    }

    public void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** STARTTLS then the TLS handshake, verifying the server's name the way a mail client must. */
    public Reply startTls(SSLContext context, String serverName) throws IOException {
        Reply reply = command("STARTTLS");
        if (reply.code() != 220) {
            return reply;
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, serverName, socket.getPort(), true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        use(tls);
        return reply;
    }

    public Reply authPlain(String user, String password) throws IOException {
        String token =
                Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
        return command("AUTH PLAIN " + token);
    }

    /** MAIL, RCPT for each, DATA with {@code message} (dot-stuffed here); returns the reply to each step. */
    public List<Reply> send(String from, List<String> to, String message) throws IOException {
        List<Reply> replies = new ArrayList<>();
        replies.add(command("MAIL FROM:<" + from + ">"));
        for (String recipient : to) {
            replies.add(command("RCPT TO:<" + recipient + ">"));
        }
        Reply data = command("DATA");
        replies.add(data);
        if (data.code() == 354) {
            String body = message.replace("\r\n", "\n").replace("\n", "\r\n").replace("\r\n.", "\r\n..");
            write(body + (body.endsWith("\r\n") ? "" : "\r\n") + ".\r\n");
            replies.add(read());
        }
        return replies;
    }

    /** How long a read waits before SocketTimeoutException; 10 s by default. */
    public SmtpTestClient readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public String host() {
        return host;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
