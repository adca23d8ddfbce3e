package dev.mailwire.bench.clients.raw;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import java.io.IOException;

/**
 * The physical limit: pre-rendered message bytes over one connection per thread, written straight to the socket.
 * Three modes separate what each round trip costs:
 *
 * <ul>
 *   <li>{@link Mode#LOCKSTEP}: MAIL, RCPT, DATA and the content each wait for their reply: four round trips per
 *       message, the way Angus's {@code SMTPTransport} talks.
 *   <li>{@link Mode#PIPELINED_ENVELOPE}: MAIL, RCPT and DATA in one group (RFC 2920 §3.1: DATA last), then the
 *       content: two round trips. What a transport overriding {@code SMTPTransport}'s protected
 *       {@code mailFrom/rcptTo/data} could do.
 *   <li>{@link Mode#PIPELINED}: each message's content and the next message's MAIL, RCPT, DATA in one group
 *       (RFC 2920 allows the content to open a group): one round trip per message.
 * </ul>
 */
public final class RawSmtpClient implements Client {

    public enum Mode {
        LOCKSTEP,
        PIPELINED_ENVELOPE,
        PIPELINED
    }

    private static final String MAIL = "MAIL FROM:<" + Payload.FROM + ">";
    private static final String RCPT = "RCPT TO:<" + Payload.TO + ">";

    private final Mode mode;
    private final byte[] message;
    private final RawSmtpConnection[] connections;

    public RawSmtpClient(Target target, Payload payload, int threads, Mode mode) throws IOException {
        this.mode = mode;
        this.message = payload.wireMessage();
        this.connections = new RawSmtpConnection[threads];
        for (int i = 0; i < threads; i++) {
            connections[i] = new RawSmtpConnection(target);
            if (mode == Mode.PIPELINED) {
                envelope(connections[i].wire()); // the first message's envelope; each send then opens the next one
                readEnvelopeReplies(connections[i].wire());
            }
        }
    }

    /**
     * Opens and closes {@code count} sessions (STARTTLS and AUTH included), one after the other: warms the TLS
     * handshake code of the server and of this JVM, which pooled clients otherwise run too rarely for the JIT.
     */
    public static void handshakes(Target target, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            try (RawSmtpConnection c = new RawSmtpConnection(target)) {
                c.wire().command("QUIT");
                c.wire().flush();
                c.wire().expect('2', "QUIT");
            }
        }
    }

    @Override
    public void send(int thread) throws IOException {
        SmtpWire w = connections[thread].wire();
        switch (mode) {
            case LOCKSTEP -> {
                w.command(MAIL);
                w.flush();
                w.expect('2', "MAIL");
                w.command(RCPT);
                w.flush();
                w.expect('2', "RCPT");
                w.command("DATA");
                w.flush();
                w.expect('3', "DATA");
                content(w);
            }
            case PIPELINED_ENVELOPE -> {
                envelope(w);
                readEnvelopeReplies(w);
                content(w);
            }
            case PIPELINED -> {
                w.bytes(message);
                envelope(w);
                w.expect('2', "end of data");
                readEnvelopeReplies(w);
            }
        }
    }

    private void content(SmtpWire w) throws IOException {
        w.bytes(message);
        w.flush();
        w.expect('2', "end of data");
    }

    private static void envelope(SmtpWire w) throws IOException {
        w.command(MAIL);
        w.command(RCPT);
        w.command("DATA");
        w.flush();
    }

    private static void readEnvelopeReplies(SmtpWire w) throws IOException {
        w.expect('2', "MAIL");
        w.expect('2', "RCPT");
        w.expect('3', "DATA");
    }

    /** Closes the sockets; in PIPELINED mode the server is left waiting for content, which it logs and forgets. */
    @Override
    public void close() throws IOException {
        for (RawSmtpConnection c : connections) {
            if (c != null) {
                c.close();
            }
        }
    }
}
