package dev.mailwire.test.smtp.fake;

import java.util.Objects;

/**
 * What a {@link Behaviour} tells the server to do at a step of the conversation, instead of (or besides) what a
 * well-behaved server would do.
 */
public final class Action {

    enum Kind {
        /** Do what a well-behaved server does. */
        PROCEED,
        /** Answer {@link #reply} instead; the command has no effect. */
        REPLY,
        /** Write {@link #extra} verbatim instead of any reply; the command has no effect. */
        RAW,
        /** Close the TCP connection without a word. */
        CLOSE,
        /** Never answer again, but keep reading (and dropping) what the client sends, until it closes. */
        HANG,
        /** Stop reading and writing: the client's writes block once the socket buffers are full. */
        STOP_READING
    }

    private static final Action PROCEED = new Action(Kind.PROCEED, null, null, false);

    final Kind kind;
    final String reply;
    final String extra;
    final boolean closeAfter;

    private Action(Kind kind, String reply, String extra, boolean closeAfter) {
        this.kind = kind;
        this.reply = reply;
        this.extra = extra;
        this.closeAfter = closeAfter;
    }

    public static Action proceed() {
        return PROCEED;
    }

    /** Answer with this reply instead; {@code text} may hold several lines separated by {@code \n}. */
    public static Action reply(int code, String text) {
        return new Action(Kind.REPLY, Replies.format(code, text), null, false);
    }

    /** Answer, then close the connection (as a server does after a 421). */
    public static Action replyAndClose(int code, String text) {
        return new Action(Kind.REPLY, Replies.format(code, text), null, true);
    }

    /** Write these bytes exactly, instead of a reply: garbage, a reply without CR LF, several replies at once. */
    public static Action raw(String bytes) {
        return new Action(Kind.RAW, null, Objects.requireNonNull(bytes), false);
    }

    public static Action close() {
        return new Action(Kind.CLOSE, null, null, true);
    }

    /** A black hole: nothing is ever answered; what the client sends is read and dropped. */
    public static Action hang() {
        return new Action(Kind.HANG, null, null, false);
    }

    /** Stop reading the socket: a client writing a large message blocks in its write. */
    public static Action stopReading() {
        return new Action(Kind.STOP_READING, null, null, false);
    }

    /**
     * Also write these bytes right after the reply, before anything else happens: after a STARTTLS 220 that is
     * before the TLS handshake, the plaintext injection of CVE-2011-0411 seen from the server side.
     */
    public Action thenWrite(String bytes) {
        return new Action(kind, reply, Objects.requireNonNull(bytes), closeAfter);
    }

    /** Close the connection after the reply (a server dropping a connection it considers done). */
    public Action thenClose() {
        return new Action(kind, reply, extra, true);
    }

    /** Plain "proceed", with nothing written or closed besides: a combined behaviour asks the next one then. */
    boolean isProceed() {
        return kind == Kind.PROCEED && extra == null && !closeAfter;
    }

    @Override
    public String toString() {
        return "Action[" + kind + (reply != null ? " " + reply.trim() : "") + (closeAfter ? ", close" : "") + "]";
    }
}
