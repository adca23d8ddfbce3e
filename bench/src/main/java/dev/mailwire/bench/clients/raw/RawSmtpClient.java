package dev.mailwire.bench.clients.raw;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The physical limit: pre-rendered message bytes over one connection per thread, written straight to the socket.
 * Its modes separate what each round trip costs, and what CHUNKING (RFC 3030) would buy (issue 12):
 *
 * <ul>
 *   <li>{@link Mode#LOCKSTEP}: MAIL, RCPT, DATA and the content each wait for their reply: four round trips per
 *       message, the way Angus's {@code SMTPTransport} talks.
 *   <li>{@link Mode#PIPELINED_ENVELOPE}: MAIL, RCPT and DATA in one group (RFC 2920 §3.1: DATA last), then the
 *       content: two round trips. What a transport overriding {@code SMTPTransport}'s protected
 *       {@code mailFrom/rcptTo/data} could do.
 *   <li>{@link Mode#PIPELINED}: each message's content and the next message's MAIL, RCPT, DATA in one group
 *       (RFC 2920 allows the content to open a group): one round trip per message.
 *   <li>{@link Mode#BDAT_AFTER_RCPT}: MAIL and RCPT in one group, then, once both are accepted, {@code BDAT <n> LAST}
 *       and the content in one write: two round trips like {@link Mode#PIPELINED_ENVELOPE}, without the 354 and the
 *       end-of-data dot (the length is known, nothing is dot-stuffed).
 *   <li>{@link Mode#BDAT_WITH_ENVELOPE}: MAIL, RCPT, {@code BDAT <n> LAST} and the content in one write (RFC 3030
 *       §4.2 shows MAIL, RCPT and BDAT pipelined): one round trip without waiting for the next message. The
 *       content leaves before any RCPT is answered; when none is accepted the server answers the BDAT with 554 and
 *       drops it, which is a failed send here.
 * </ul>
 *
 * <p>Every reply read is checked; a send whose reply is not the expected class fails, is not counted, and leaves
 * its session out of step ({@link RawSmtpConnection}). The BDAT modes need a server that offers CHUNKING: against
 * one that does not the client cannot be opened.
 */
public final class RawSmtpClient implements Client {

    public enum Mode {
        LOCKSTEP,
        PIPELINED_ENVELOPE,
        PIPELINED,
        BDAT_AFTER_RCPT,
        BDAT_WITH_ENVELOPE;

        boolean chunking() {
            return this == BDAT_AFTER_RCPT || this == BDAT_WITH_ENVELOPE;
        }
    }

    /** The EHLO keyword of RFC 3030, without which a server refuses BDAT. */
    public static final String CHUNKING = "CHUNKING";

    private final Mode mode;
    private final String mail;
    private final String rcpt;
    /** After DATA: the message and its end-of-data dot. For BDAT: the command, then the message as it is. */
    private final byte[] message;

    private final RawSmtpConnection[] connections;

    public RawSmtpClient(Target target, Payload payload, int threads, Mode mode) throws IOException {
        this.mode = mode;
        this.mail = "MAIL FROM:<" + payload.from() + ">";
        this.rcpt = "RCPT TO:<" + payload.to() + ">";
        this.message = mode.chunking() ? bdat(payload.chunk()) : payload.wireMessage();
        this.connections = new RawSmtpConnection[threads];
        for (int i = 0; i < threads; i++) {
            connections[i] = new RawSmtpConnection(target);
            if (mode.chunking() && !connections[i].offers(CHUNKING)) {
                close();
                throw new IOException(target + " does not offer " + CHUNKING + " (RFC 3030)");
            }
            if (mode == Mode.PIPELINED) {
                envelope(connections[i].wire()); // the first message's envelope; each send then opens the next one
                readEnvelopeReplies(connections[i].wire());
            }
        }
    }

    /** Whether {@code target}'s EHLO reply, after STARTTLS where it needs one, lists the extension {@code keyword}. */
    public static boolean offers(Target target, String keyword) throws IOException {
        try (RawSmtpConnection c = new RawSmtpConnection(target)) {
            boolean offered = c.offers(keyword);
            quit(c);
            return offered;
        }
    }

    /**
     * Opens and closes {@code count} sessions (STARTTLS and AUTH included), one after the other: warms the TLS
     * handshake code of the server and of this JVM, which pooled clients otherwise run too rarely for the JIT.
     */
    public static void handshakes(Target target, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            try (RawSmtpConnection c = new RawSmtpConnection(target)) {
                quit(c);
            }
        }
    }

    private static void quit(RawSmtpConnection c) throws IOException {
        c.wire().command("QUIT");
        c.wire().flush();
        c.wire().expect('2', "QUIT");
    }

    private static byte[] bdat(byte[] chunk) {
        byte[] command = ("BDAT " + chunk.length + " LAST\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(command, command.length + chunk.length);
        System.arraycopy(chunk, 0, all, command.length, chunk.length);
        return all;
    }

    @Override
    public void send(int thread) throws IOException {
        RawSmtpConnection c = connections[thread];
        c.checkInStep();
        try {
            send(c.wire());
        } catch (IOException e) {
            c.sendFailed(e);
            throw e;
        }
    }

    private void send(SmtpWire w) throws IOException {
        switch (mode) {
            case LOCKSTEP -> {
                w.command(mail);
                w.flush();
                w.expect('2', "MAIL");
                w.command(rcpt);
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
            case BDAT_AFTER_RCPT -> {
                w.command(mail);
                w.command(rcpt);
                w.flush();
                w.expectEach("22", "MAIL", "RCPT");
                w.bytes(message);
                w.flush();
                w.expect('2', "BDAT LAST");
            }
            case BDAT_WITH_ENVELOPE -> {
                w.command(mail);
                w.command(rcpt);
                w.bytes(message);
                w.flush();
                w.expectEach("222", "MAIL", "RCPT", "BDAT LAST");
            }
        }
    }

    private void content(SmtpWire w) throws IOException {
        w.bytes(message);
        w.flush();
        w.expect('2', "end of data");
    }

    private void envelope(SmtpWire w) throws IOException {
        w.command(mail);
        w.command(rcpt);
        w.command("DATA");
        w.flush();
    }

    private static void readEnvelopeReplies(SmtpWire w) throws IOException {
        w.expectEach("223", "MAIL", "RCPT", "DATA");
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
