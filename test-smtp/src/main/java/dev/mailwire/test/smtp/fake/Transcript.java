package dev.mailwire.test.smtp.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What was said on one connection, in order, each line marked with whether TLS protected it. Thread-safe: the
 * connection's thread appends while a test reads.
 */
public final class Transcript {

    /** One line: a client command, or a server reply line. Message data appears as one summary line. */
    public record Line(boolean fromClient, String text, boolean overTls) {
        @Override
        public String toString() {
            return (fromClient ? "C: " : "S: ") + text + (overTls ? "" : "   [plaintext]");
        }
    }

    private final int connection;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> authIdentities = new ArrayList<>();
    private String pipelinedBeforeTls = "";
    private String tlsFailure;
    private boolean tlsEstablished;
    private boolean closed;
    private int envelopes;
    private int pipelinedEnvelopes;
    private int envelopesWithFinalDot;

    Transcript(int connection) {
        this.connection = connection;
    }

    public int connection() {
        return connection;
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The client's lines (commands, AUTH responses), without the server's replies. */
    public synchronized List<Line> clientLines() {
        return lines.stream().filter(Line::fromClient).toList();
    }

    /** The client's lines as text, e.g. {@code ["EHLO x", "STARTTLS", "EHLO x", "AUTH PLAIN ...", ...]}. */
    public List<String> commands() {
        return clientLines().stream().map(Line::text).toList();
    }

    /** Client lines sent before TLS was established: after STARTTLS, only pipelined junk should be here. */
    public List<String> commandsBeforeTls() {
        return clientLines().stream().filter(l -> !l.overTls()).map(Line::text).toList();
    }

    public List<String> commandsOverTls() {
        return clientLines().stream().filter(Line::overTls).map(Line::text).toList();
    }

    public synchronized boolean tlsEstablished() {
        return tlsEstablished;
    }

    /** Why the TLS handshake failed, if it did (e.g. the client refused the certificate). */
    public synchronized Optional<String> tlsFailure() {
        return Optional.ofNullable(tlsFailure);
    }

    /** What the client sent after STARTTLS before the handshake (thrown away, per RFC 3207); empty if nothing. */
    public synchronized String pipelinedBeforeTls() {
        return pipelinedBeforeTls;
    }

    /** Identities of successful AUTHs on this connection; more than one means the connection changed identity. */
    public synchronized List<String> authIdentities() {
        return List.copyOf(authIdentities);
    }

    /** MAIL FROM commands heard on this connection. */
    public synchronized int envelopes() {
        return envelopes;
    }

    /**
     * MAIL FROM commands that arrived with more of the client's bytes behind them (its RCPT TOs, DATA) before the
     * server had replied: pipelined envelopes (RFC 2920). A lock-step client waits for each reply, so it has none.
     */
    public synchronized int pipelinedEnvelopes() {
        return pipelinedEnvelopes;
    }

    /**
     * Messages whose final dot arrived with more of the client's bytes behind it (the next MAIL FROM) before the
     * server had replied to the dot: the client sent the next envelope without waiting for the previous mail's
     * result (RFC 2920 §3.1). A client that waits for every reply has none.
     */
    public synchronized int envelopesWithFinalDot() {
        return envelopesWithFinalDot;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized String toString() {
        return "Transcript of connection " + connection + ":\n"
                + lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
    }

    synchronized void add(boolean fromClient, String text, boolean overTls) {
        lines.add(new Line(fromClient, text, overTls));
    }

    synchronized void envelopeStarted(boolean moreAlreadySent) {
        envelopes++;
        pipelinedEnvelopes += moreAlreadySent ? 1 : 0;
    }

    synchronized void dataEnded(boolean moreAlreadySent) {
        envelopesWithFinalDot += moreAlreadySent ? 1 : 0;
    }

    synchronized void authenticated(String identity) {
        authIdentities.add(identity);
    }

    synchronized void tlsEstablished(String pipelined) {
        this.tlsEstablished = true;
        this.pipelinedBeforeTls = pipelined;
    }

    synchronized void tlsFailed(String pipelined, String reason) {
        this.pipelinedBeforeTls = pipelined;
        this.tlsFailure = reason;
    }

    synchronized void closed() {
        this.closed = true;
    }
}
