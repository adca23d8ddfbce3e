package dev.mailwire.test.smtp.fake;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/** One client connection, on its own thread: the SMTP conversation, asking the behaviour at each step. */
final class ConnectionHandler implements Runnable, SmtpConnection {

    private final FakeSmtpServer server;
    private final FakeSmtpConfig config;
    private final int index;
    private final Transcript transcript;
    private final SmtpAuth auth;
    private volatile Socket socket;
    private SmtpWire wire;
    private volatile boolean tls;
    private volatile String authIdentity;
    private volatile int messages;
    private volatile int commands;
    private boolean greeted;
    private String from;
    private final List<String> recipients = new ArrayList<>();
    private String pendingExtra;

    ConnectionHandler(FakeSmtpServer server, FakeSmtpConfig config, Socket socket, int index) {
        this.server = server;
        this.config = config;
        this.socket = socket;
        this.index = index;
        this.transcript = new Transcript(index);
        this.auth = new SmtpAuth(config.users(), config.authMechanisms());
    }

    @Override
    public void run() {
        try {
            socket.setSoTimeout((int) config.idleTimeout().toMillis());
            wire = new SmtpWire(socket);
            if (perform(server.behaviour().onConnect(this), "220 " + config.greetingName() + " ESMTP fake\r\n")) {
                converse();
            }
        } catch (IOException e) {
            // the client went away, or the server is closing: the transcript shows how far it got
        } finally {
            closeSocket();
            transcript.closed();
        }
    }

    private void converse() throws IOException {
        while (true) {
            String line;
            try {
                line = wire.readCommand();
            } catch (SocketTimeoutException e) {
                respond("421 4.4.2 " + config.greetingName() + " Error: timeout exceeded\r\n");
                return;
            }
            if (line == null) {
                return;
            }
            commands++;
            transcript.add(true, line, tls);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (verb.equals("MAIL")) {
                // Read before any reply is written: bytes already here were sent with MAIL FROM (RFC 2920).
                transcript.envelopeStarted(wire.hasBuffered());
            }
            server.countCommand(verb);
            Action action = server.behaviour().onCommand(this, verb, line);
            boolean goOn;
            if (action.kind == Action.Kind.PROCEED) {
                pendingExtra = action.extra; // written right after the command's first reply
                goOn = handle(verb, line) && !action.closeAfter;
                pendingExtra = null;
            } else {
                goOn = perform(action, null);
            }
            if (!goOn) {
                return;
            }
        }
    }

    /** Does what the action says; {@code normalReply} is what a well-behaved server answers. False ends it. */
    private boolean perform(Action action, String normalReply) throws IOException {
        switch (action.kind) {
            case PROCEED, REPLY -> {
                pendingExtra = action.extra;
                respond(action.kind == Action.Kind.REPLY ? action.reply : normalReply);
            }
            case RAW -> respond(action.extra);
            case CLOSE -> {
                return false;
            }
            case HANG -> {
                socket.setSoTimeout(0); // a black hole outlasts the idle timeout
                wire.discardUntilClosed();
                return false;
            }
            case STOP_READING -> {
                server.awaitClosing();
                return false;
            }
        }
        return !action.closeAfter;
    }

    private boolean handle(String verb, String line) throws IOException {
        String arguments =
                line.length() > verb.length() ? line.substring(verb.length()).trim() : "";
        switch (verb) {
            case "EHLO" -> ehlo();
            case "HELO" -> hello("250 " + config.greetingName() + "\r\n");
            case "STARTTLS" -> {
                return startTls();
            }
            case "AUTH" -> authenticate(arguments);
            case "MAIL" -> mail(arguments);
            case "RCPT" -> recipient(arguments);
            case "DATA" -> {
                return data();
            }
            case "RSET" -> {
                resetTransaction();
                respond("250 2.0.0 Ok\r\n");
            }
            case "NOOP" -> respond("250 2.0.0 Ok\r\n");
            case "QUIT" -> {
                respond("221 2.0.0 Bye\r\n");
                return false;
            }
            case "VRFY" -> respond("502 5.5.1 VRFY command is disabled\r\n");
            default -> respond("502 5.5.2 Error: command not recognized\r\n");
        }
        return true;
    }

    private void ehlo() throws IOException {
        List<String> capabilities = config.capabilities(tls);
        capabilities = server.behaviour().capabilities(this, capabilities);
        List<String> lines = new ArrayList<>();
        lines.add(config.greetingName());
        lines.addAll(capabilities);
        hello(Replies.format(250, String.join("\n", lines)));
    }

    private void hello(String reply) throws IOException {
        greeted = true;
        resetTransaction();
        respond(reply);
    }

    private boolean startTls() throws IOException {
        if (!config.startTls()) {
            respond("502 5.5.1 Error: command not implemented\r\n");
            return true;
        }
        if (tls) {
            respond("554 5.5.1 Error: TLS already active\r\n");
            return true;
        }
        respond("220 2.0.0 Ready to start TLS\r\n");
        // RFC 3207 4.2: what the client sent before the handshake is plaintext; record it, then forget it.
        String pipelined = new String(wire.drainBuffered(), StandardCharsets.UTF_8);
        for (String junk : pipelined.split("\r?\n")) {
            if (!junk.isEmpty()) {
                transcript.add(true, junk, false);
            }
        }
        SSLSocket secure = server.serverSideTls(socket);
        socket = secure;
        try {
            secure.startHandshake();
        } catch (IOException e) {
            // SSLHandshakeException when the client sends an alert, SocketException when it just hangs up
            transcript.tlsFailed(pipelined, e.toString());
            return false;
        }
        wire = new SmtpWire(secure);
        tls = true;
        greeted = false; // RFC 3207: the client must start over with EHLO
        resetTransaction();
        transcript.tlsEstablished(pipelined);
        return true;
    }

    private void authenticate(String arguments) throws IOException {
        if (!config.offersAuth(tls)) {
            respond(
                    config.requireTls() && !tls
                            ? "530 5.7.0 Must issue a STARTTLS command first\r\n"
                            : "503 5.5.1 Error: authentication not enabled\r\n");
        } else if (authIdentity != null) {
            respond("503 5.5.1 Error: already authenticated\r\n");
        } else if (from != null) {
            respond("503 5.5.1 Error: MAIL transaction in progress\r\n");
        } else {
            SmtpAuth.Outcome outcome = auth.authenticate(arguments, challenge -> {
                respond("334 " + challenge + "\r\n");
                String answer = wire.readCommand();
                if (answer != null) {
                    transcript.add(true, answer, tls);
                }
                return answer;
            });
            if (outcome.succeeded()) {
                authIdentity = outcome.identity();
                transcript.authenticated(authIdentity);
            }
            respond(outcome.reply());
        }
    }

    private void mail(String arguments) throws IOException {
        if (refusedBeforeTransaction()) {
            return;
        }
        if (config.requireAuth() && authIdentity == null) {
            respond("530 5.7.0 Authentication required\r\n");
        } else if (from != null) {
            respond("503 5.5.1 Error: nested MAIL command\r\n");
        } else if (config.sizeLimit() > 0 && SmtpArguments.declaredSize(arguments) > config.sizeLimit()) {
            respond("552 5.3.4 Message size exceeds fixed limit\r\n");
        } else {
            from = SmtpArguments.address(arguments);
            respond("250 2.1.0 Ok\r\n");
        }
    }

    private void recipient(String arguments) throws IOException {
        if (refusedBeforeTransaction()) {
            return;
        }
        if (from == null) {
            respond("503 5.5.1 Error: need MAIL command\r\n");
        } else {
            String address = SmtpArguments.address(arguments);
            recipients.add(address);
            respond(server.behaviour().acceptedRecipientReply(this, address) + "\r\n");
        }
    }

    private boolean data() throws IOException {
        if (refusedBeforeTransaction()) {
            return true;
        }
        if (from == null || recipients.isEmpty()) {
            respond(
                    from == null
                            ? "503 5.5.1 Error: need MAIL command\r\n"
                            : "554 5.5.1 Error: no valid recipients\r\n");
            return true;
        }
        respond("354 End data with <CR><LF>.<CR><LF>\r\n");
        Action atStart = server.behaviour().onDataStart(this);
        if (!atStart.isProceed() && !perform(atStart, null)) {
            return false;
        }
        SmtpWire.Data data = wire.readData();
        transcript.add(
                true,
                "<" + data.content().length + " bytes of message data" + (data.complete() ? "" : ", cut off") + ">",
                tls);
        if (!data.complete()) {
            return false;
        }
        // Read before the dot's reply is written: bytes already here were sent with the dot (RFC 2920 §3.1).
        transcript.dataEnded(wire.hasBuffered());
        ReceivedMessage message = new ReceivedMessage(
                index, from, recipients, data.wire(), data.content(), data.bareLineEndings(), tls, authIdentity);
        resetTransaction();
        if (config.sizeLimit() > 0 && data.content().length > config.sizeLimit()) {
            respond("552 5.3.4 Message size exceeds fixed limit\r\n");
            return true;
        }
        server.received(message);
        Action atEnd = server.behaviour().onMessage(this, message);
        messages++;
        return perform(atEnd, "250 2.0.0 Ok: queued as FAKE" + server.messages().size() + "\r\n");
    }

    /** Postfix's order of checks: TLS first when required, then a greeting. */
    private boolean refusedBeforeTransaction() throws IOException {
        if (config.requireTls() && !tls) {
            respond("530 5.7.0 Must issue a STARTTLS command first\r\n");
            return true;
        }
        if (!greeted) {
            respond("503 5.5.1 Error: send HELO/EHLO first\r\n");
            return true;
        }
        return false;
    }

    private void resetTransaction() {
        from = null;
        recipients.clear();
    }

    /** Writes a reply (none if null), then any bytes a behaviour asked to slip in after it. */
    private void respond(String reply) throws IOException {
        String extra = pendingExtra;
        pendingExtra = null;
        for (String text : extra == null ? new String[] {reply} : new String[] {reply, extra}) {
            if (text == null) {
                continue;
            }
            for (String line : text.split("\r\n")) {
                transcript.add(false, line, tls);
            }
            wire.write(text, server.behaviour().replyByteDelay(this));
        }
    }

    void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    Transcript transcript() {
        return transcript;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public boolean tlsActive() {
        return tls;
    }

    @Override
    public Optional<String> authIdentity() {
        return Optional.ofNullable(authIdentity);
    }

    @Override
    public int messages() {
        return messages;
    }

    @Override
    public int commands() {
        return commands;
    }
}
