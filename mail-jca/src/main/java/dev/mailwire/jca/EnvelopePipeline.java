package dev.mailwire.jca;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * One RFC 2920 envelope in flight: MAIL FROM, every RCPT TO and DATA, written in one flush, their replies then read
 * one by one, in order, as Angus asks for them. Angus still issues each command and interprets each reply (its
 * per-recipient bookkeeping, partial sending, RSET on failure); this class only makes the commands it will issue go
 * out together, and checks that each reply can be the answer to its command. A server that answers out of order,
 * with too few replies or with garbage is a broken connection ({@link PipeliningViolation}), never a reply about
 * the mail, so nothing is reported as delivered that the server did not acknowledge.
 *
 * <p>Not thread-safe: used under the transport's lock, for one send.
 */
final class EnvelopePipeline {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LONE_DOT = {'.', '\r', '\n'};

    /** MAIL FROM, the RCPTs, DATA: what was written, in order. */
    private final List<String> commands;
    /** How many of {@link #commands} Angus has issued so far (the rest it will issue in this order). */
    private int issued;
    /** How many replies have been read. */
    private int answered;
    /** The DATA command was answered 354 although Angus had given up on the transaction: the server awaits content. */
    private boolean awaitingContent;
    /** A 421 read in this envelope: the server is closing the connection. */
    private String closingReply;
    /** A reply that was not a yes: a refused MAIL FROM or RCPT TO (anything but 2xx), or DATA not answered 354. */
    private boolean refused;

    private EnvelopePipeline(List<String> commands) {
        this.commands = List.copyOf(commands);
    }

    /**
     * Writes {@code commands} (MAIL FROM first, DATA last) in one flush to {@code out}, the stream under Angus's
     * buffered one, which Angus leaves empty after every command. Refuses a command with a line break before writing
     * anything: the same guarantee as Angus's own command writer.
     */
    static EnvelopePipeline write(List<String> commands, OutputStream out, Charset charset) throws IOException {
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream(64 * commands.size());
        for (String c : commands) {
            if (c.indexOf('\r') >= 0 || c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException(JcaMessages.PIPELINED_COMMAND_BREAK.format());
            }
            batch.write(c.getBytes(charset));
            batch.write(CRLF);
        }
        out.write(batch.toByteArray()); // one write: one TLS record, one TCP segment for a typical envelope
        out.flush();
        return new EnvelopePipeline(commands);
    }

    /** Whether {@code command} is the next one Angus was expected to issue; it is already on the wire then. */
    boolean takeIssued(String command) {
        if (issued < commands.size() && commands.get(issued).equals(command)) {
            issued++;
            return true;
        }
        return false;
    }

    /** Whether the next reply to read belongs to this pipeline (a command Angus issued and whose reply is unread). */
    boolean replyPending() {
        return answered < issued;
    }

    /** Whether every command has been issued and answered. */
    boolean done() {
        return answered == commands.size();
    }

    /** Whether every command has been answered, each with a yes: MAIL and every RCPT 2xx, DATA 354. */
    boolean allAccepted() {
        return done() && !refused;
    }

    /** Whether a command was written that Angus has not issued yet. */
    boolean unissued() {
        return issued < commands.size();
    }

    /**
     * Checks the reply just read against the command it answers (the next unanswered one) and counts it. MAIL and
     * RCPT take a 2xx, 4xx or 5xx; DATA a 354, 4xx or 5xx. Anything else (a 354 too early, a 250 to DATA, a line
     * that is no reply, the end of the stream) means the replies no longer line up with the commands: a
     * {@link PipeliningViolation}. The end of the stream after a 421 is the server closing as it said it would: an
     * {@link EOFException} naming the 421.
     */
    void answer(int code, String reply) throws IOException {
        String command = commands.get(answered);
        boolean isData = answered == commands.size() - 1;
        answered++;
        if (code < 0 && closingReply != null) {
            throw new EOFException(PipeliningViolation.printable(closingReply));
        }
        boolean fits = isData
                ? code == 354 || (code >= 400 && code < 600)
                : (code >= 200 && code < 300) || (code >= 400 && code < 600);
        if (!fits) {
            throw new PipeliningViolation(verb(command), reply);
        }
        if (code == 421) {
            closingReply = reply;
        }
        if (isData ? code != 354 : code >= 300) {
            refused = true;
        }
        if (isData && code == 354) {
            awaitingContent = true;
        }
    }

    /**
     * After every reply was read although Angus gave up on the transaction (no accepted recipient, a refused MAIL):
     * a server that answered DATA with 354 anyway awaits content, and RFC 2920 §3.1 has the client end it with a
     * lone dot. With no recipient accepted nothing is delivered; its reply is read (and checked to be one) next.
     */
    boolean endEmptyContent(OutputStream out) throws IOException {
        if (!awaitingContent) {
            return false;
        }
        awaitingContent = false;
        out.write(LONE_DOT);
        out.flush();
        return true;
    }

    /**
     * Whether {@code code} can answer a final dot: 2xx, 4xx or 5xx. A 354, a line that is no reply (or the end of the
     * stream) means the replies no longer line up with the commands.
     */
    static boolean answersFinalDot(int code) {
        return (code >= 200 && code < 300) || (code >= 400 && code < 600);
    }

    private static String verb(String command) {
        int colon = command.indexOf(':');
        return colon > 0 ? command.substring(0, colon) : command;
    }

    /**
     * The replies on a pipelined connection do not line up with its commands: the connection is unusable. An
     * {@link IOException}, so that Angus drops the connection and Mailwire reports a connection failure.
     */
    static final class PipeliningViolation extends IOException {
        private static final long serialVersionUID = 1L;

        private final String command;
        private final String reply;

        PipeliningViolation(String command, String reply) {
            super(command);
            this.command = command;
            this.reply = printable(reply);
        }

        /** The command the reply should have answered: MAIL FROM, RCPT TO or DATA. */
        String command() {
            return command;
        }

        /** What came instead, control characters replaced and cut to 80 characters. */
        String reply() {
            return reply;
        }

        static String printable(String reply) {
            if (reply == null || reply.isBlank()) {
                return "[EOF]";
            }
            StringBuilder sb = new StringBuilder();
            for (char c : reply.strip().toCharArray()) {
                if (sb.length() == 80) {
                    sb.append("...");
                    break;
                }
                sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            }
            return sb.toString();
        }
    }
}
