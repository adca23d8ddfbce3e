package dev.mailwire.jca;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.PropUtil;

/**
 * Angus's SMTP transport, remembering how far the current send got. Only a failure before the server saw any byte
 * of the message may be retried on a fresh connection (DESIGN §4); a failure after the final dot may already have
 * delivered the mail, so retrying it could send it twice.
 *
 * <p>Where the server advertises PIPELINING (RFC 2920) and pipelining is on, the envelope of a send goes out in one
 * write: when Angus issues MAIL FROM, the RCPT TOs and DATA it will issue next are written with it
 * ({@link EnvelopePipeline}); Angus then issues them in turn (they are already on the wire) and reads their replies
 * in order. Angus still builds every command, interprets every reply, renders and dot-stuffs the content and ends
 * it; Mailwire only batches the writes and checks that the replies line up.
 *
 * <p>A send may also hold its final dot ({@link #holdNextDot}): where its envelope was pipelined and every recipient
 * accepted, the dot is written into the corked connection ({@link Cork}) and its reply left unread, so that the dot goes out in one
 * write with whatever this connection sends next (the next mail's envelope) and the reply is read just before the
 * next reply. Angus is told the dot was accepted, which only lets its {@code sendMessage} end; the real reply goes
 * to the {@link HeldDot} it was held for, and only that reply decides the held mail's result.
 */
final class StagedSmtpTransport extends SMTPTransport {

    /** How far a send got, in protocol order. */
    enum Stage {
        IDLE,
        MAIL,
        RCPT,
        DATA,
        CONTENT,
        FINAL_DOT,
        DONE;

        /** Whether the server has seen none of the message's content yet. */
        boolean beforeContent() {
            return compareTo(CONTENT) < 0;
        }
    }

    private volatile Stage stage = Stage.IDLE;

    /**
     * What {@link #supportsExtension} answers for SMTPUTF8: whether the mail being sent needs it. Angus adds
     * {@code SMTPUTF8} to MAIL FROM whenever its session allows UTF-8 and the server offers it; answering for the mail
     * keeps every other MAIL FROM exactly as it was (RFC 6531 §3.4: the parameter is for a mail that needs it). Angus
     * also asks once while connecting, only to log at INFO that a server lacks SMTPUTF8; true until the first send
     * keeps that line out of the log of every connection. Mailwire itself asks {@link #offersSmtpUtf8}.
     */
    private volatile boolean smtpUtf8 = true;

    /** The stream under Angus's buffered one, for pipelined envelopes; null: lock-step. */
    private OutputStream pipelineOut;
    /** The recipients of the send in progress, while its envelope is to be pipelined (until MAIL FROM goes out). */
    private Address[] plannedRecipients;
    /** The envelope in flight, until its last reply is read. */
    private EnvelopePipeline pipeline;
    /** A pipelined reply did not line up with its command: the connection is unusable. */
    private volatile boolean pipelineBroken;
    /** What holds the connection's writes back, for a final dot; null: a dot is never held. */
    private Cork cork;
    /** The envelope of the send in progress was pipelined and every command in it answered with a yes. */
    private boolean envelopeAccepted;
    /** Whom the send in progress holds its final dot for, if it may; null: lock-step end of data. */
    private HeldDot holdFor;
    /** A final dot written whose reply is unread, and whom to tell; read before any other reply. */
    private final AtomicReference<HeldDot> held = new AtomicReference<>();
    /** Angus reads the reply to the dot it just wrote next: that read is answered without reading. */
    private boolean dotJustHeld;

    /**
     * Who waits for the reply to a held final dot. Exactly one of its methods is called, once: on the thread that
     * reads the reply (the next send on this connection, a reset, a close), or on the one that drops the connection.
     */
    interface HeldDot {
        /** The server's reply to the final dot: a 2xx, 4xx or 5xx. */
        void replied(int code, String reply);

        /** No reply could be read: the connection broke, or what came cannot be the reply to a final dot. */
        void lost(Exception cause);
    }

    StagedSmtpTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    /** Whether the server offered this SASL mechanism in its last EHLO. */
    synchronized boolean offers(String mechanism) {
        return supportsAuthentication(mechanism); // Angus asserts that the caller holds the transport's lock
    }

    /** Whether the server offered SMTPUTF8 in its last EHLO. */
    synchronized boolean offersSmtpUtf8() {
        return super.supportsExtension("SMTPUTF8");
    }

    /** Sets whether the next MAIL FROM is for a mail that needs SMTPUTF8; false again once it is sent. */
    void sendingSmtpUtf8(boolean needed) {
        smtpUtf8 = needed;
    }

    @Override
    public boolean supportsExtension(String ext) {
        return "SMTPUTF8".equalsIgnoreCase(ext) ? smtpUtf8 : super.supportsExtension(ext);
    }

    /** Reads one (possibly multi-line) reply; {@link #getLastServerResponse()} then holds its text. */
    synchronized int readReply() throws MessagingException {
        return readServerResponse();
    }

    /**
     * Pipelines envelopes from now on, where the server advertises PIPELINING, writing them to {@code out}: the
     * stream of the socket Angus writes through (the TLS socket once there is one), called after connect.
     */
    synchronized void pipelineTo(OutputStream out, Cork cork) {
        this.pipelineOut = out;
        this.cork = cork;
    }

    /**
     * Lets the next send hold its final dot for {@code whom}, where its envelope is pipelined and every recipient
     * accepts; whether it did, {@link #holds} says after the send.
     */
    synchronized void holdNextDot(HeldDot whom) {
        this.holdFor = whom;
    }

    /** Whether the reply to the final dot held for {@code whom} is still unread. */
    boolean holds(HeldDot whom) {
        return whom != null && held.get() == whom;
    }

    /** Whom the unread reply to a held final dot is for; null if none is unread. */
    HeldDot heldDot() {
        return held.get();
    }

    /** Whether the reply to some held final dot is still unread. */
    boolean holdsDot() {
        return held.get() != null;
    }

    /** Reads the reply to a held final dot now, if one is unread, sending what the cork holds first. */
    synchronized void readHeldReply() throws MessagingException {
        HeldDot whom = held.getAndSet(null);
        if (whom == null) {
            return;
        }
        int code;
        try {
            cork.uncork();
            code = super.readServerResponse();
        } catch (IOException e) {
            pipelineBroken = true;
            whom.lost(e);
            throw new MessagingException(JcaMessages.PIPELINED_WRITE_FAILED.format(), e);
        } catch (MessagingException | RuntimeException e) {
            pipelineBroken = true;
            whom.lost(e);
            throw e;
        }
        String reply = getLastServerResponse();
        if (!EnvelopePipeline.answersFinalDot(code)) {
            // A 354, a line that is no reply, or the end of the stream: the replies no longer line up.
            pipelineBroken = true;
            EnvelopePipeline.PipeliningViolation v = new EnvelopePipeline.PipeliningViolation(".", reply);
            whom.lost(v);
            throw new MessagingException(v.getMessage(), v);
        }
        whom.replied(code, reply);
    }

    /**
     * Gives up on the reply to a held final dot (the connection is being dropped): its mail's outcome is unknown,
     * since the server may have taken the dot. Safe from any thread.
     */
    void dropHeldDot(Exception cause) {
        HeldDot whom = held.getAndSet(null);
        if (whom != null) {
            whom.lost(cause);
        }
    }

    /**
     * {@link #dropHeldDot(Exception)}, only if the dot is the one held for {@code whom}; whether it was. Safe from
     * any thread.
     */
    boolean dropHeldDot(HeldDot whom, Exception cause) {
        if (held.compareAndSet(whom, null)) {
            whom.lost(cause);
            return true;
        }
        return false;
    }

    /** Whether the next send's envelope is pipelined: asked the server's last EHLO. */
    synchronized boolean pipelines() {
        return pipelineOut != null && supportsExtension("PIPELINING");
    }

    /** Whether a pipelined reply did not line up with its command; the connection must then be destroyed. */
    boolean pipelineBroken() {
        return pipelineBroken;
    }

    Stage stage() {
        return stage;
    }

    void resetStage() {
        stage = Stage.IDLE;
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        if (pipelines() && plainAddresses(addresses) && !dsnNotifies(message)) {
            plannedRecipients = addresses.clone();
        }
        envelopeAccepted = false;
        dotJustHeld = false;
        try {
            super.sendMessage(message, addresses);
        } finally {
            holdFor = null;
            dotJustHeld = false;
            if (pipeline != null) {
                // Replies still in flight that Angus will never read: the next command would get a stale reply.
                pipelineBroken = true;
            }
            plannedRecipients = null;
            pipeline = null;
        }
    }

    /** Angus expands groups into more RCPTs than addresses; Mailwire refuses groups, this only makes sure. */
    private static boolean plainAddresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return false;
        }
        for (Address a : addresses) {
            if (!(a instanceof InternetAddress ia) || ia.isGroup()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        assert Thread.holdsLock(this);
        if (pipeline == null && holdFor != null && envelopeAccepted && cork != null && cmd.equals(".")) {
            holdDot();
            return;
        }
        if (pipeline != null) {
            if (pipeline.takeIssued(cmd)) {
                return; // written with the envelope
            }
            settle(cmd);
        } else if (plannedRecipients != null && cmd.startsWith("MAIL FROM:")) {
            writeEnvelope(cmd);
            return;
        }
        super.sendCommand(cmd);
    }

    /**
     * Writes the final dot into the corked socket, where it waits for the next command to go out with it; Angus's
     * read of its reply comes next and is answered without reading ({@link #readServerResponse}).
     */
    private void holdDot() throws MessagingException {
        try {
            cork.cork();
        } catch (IOException e) {
            throw new MessagingException(JcaMessages.PIPELINED_WRITE_FAILED.format(), e);
        }
        super.sendCommand(".");
        held.set(holdFor);
        holdFor = null;
        dotJustHeld = true;
    }

    /** Writes MAIL FROM (as Angus built it), the RCPT TOs and DATA Angus will issue next, in one flush. */
    private void writeEnvelope(String mailFrom) throws MessagingException {
        List<String> commands = new ArrayList<>(plannedRecipients.length + 2);
        commands.add(mailFrom);
        for (Address a : plannedRecipients) {
            commands.add(rcptTo((InternetAddress) a));
        }
        commands.add("DATA");
        plannedRecipients = null;
        try {
            pipeline = EnvelopePipeline.write(commands, pipelineOut, commandCharset());
        } catch (IOException | RuntimeException e) {
            // As Angus's own command writer reports it: a failed write is a broken connection.
            throw new MessagingException(JcaMessages.PIPELINED_WRITE_FAILED.format(), e);
        }
        pipeline.takeIssued(mailFrom);
    }

    /** Angus's RCPT TO command: the address in angle brackets (what its rcptTo writes without DSN NOTIFY). */
    private static String rcptTo(InternetAddress a) {
        String address = a.getAddress();
        return "RCPT TO:" + (!address.startsWith("<") && !address.endsWith(">") ? "<" + address + ">" : address);
    }

    /**
     * Whether Angus would add DSN NOTIFY to each RCPT: such sends stay lock-step, so that the envelope written ahead
     * never has to guess Angus's rendering of the option.
     */
    private boolean dsnNotifies(Message message) {
        return supportsExtension("DSN")
                && ((message instanceof SMTPMessage m && m.getNotifyOptions() != 0)
                        || session.getProperty("mail.smtp.dsn.notify") != null);
    }

    /** The bytes Angus writes a command in: UTF-8 with {@code mail.mime.allowutf8}, else one byte a character. */
    private Charset commandCharset() {
        return PropUtil.getBooleanProperty(session.getProperties(), "mail.mime.allowutf8", false)
                ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1;
    }

    /**
     * Angus issues a command that is not the next one written: RSET after a refused MAIL FROM or when no recipient
     * was accepted (first the replies still in flight are read, and a 354 to DATA is ended with a lone dot), or
     * QUIT as it closes. Anything else would mean the written envelope is not the one Angus sends: the connection
     * is dropped before any content, so that nothing goes to recipients Angus did not ask for.
     */
    private void settle(String cmd) throws MessagingException {
        if (cmd.equals("QUIT")) {
            return; // closing: the replies in flight no longer matter (the pipeline stays, a late read fails)
        }
        if (!cmd.equals("RSET")) {
            pipelineBroken = true;
            String message = JcaMessages.PIPELINE_OUT_OF_STEP.format(cmd.split(" ", 2)[0]);
            throw new MessagingException(message, new IOException(message));
        }
        readHeldReply();
        while (!pipeline.done()) {
            check(super.readServerResponse());
        }
        try {
            if (pipeline.endEmptyContent(pipelineOut)) {
                int code = super.readServerResponse();
                if (!EnvelopePipeline.answersFinalDot(code)) {
                    throw new EnvelopePipeline.PipeliningViolation(".", getLastServerResponse());
                }
            }
        } catch (IOException e) {
            pipelineBroken = true;
            throw new MessagingException(e.getMessage(), e);
        }
        pipeline = null;
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        if (dotJustHeld) {
            // Angus's read of the held dot's reply: the reply comes after the next command, for the HeldDot.
            dotJustHeld = false;
            return 250;
        }
        readHeldReply();
        int code = super.readServerResponse();
        if (pipeline != null && pipeline.replyPending()) {
            check(code);
            if (pipeline.done()) {
                envelopeAccepted = pipeline.allAccepted();
                pipeline = null;
            }
        }
        return code;
    }

    /** Counts a pipelined reply; one that cannot answer its command (or none) breaks the connection. */
    private void check(int code) throws MessagingException {
        try {
            pipeline.answer(code, getLastServerResponse());
        } catch (IOException e) {
            pipelineBroken = true;
            throw new MessagingException(e.getMessage(), e); // an IOException inside: Angus drops the connection
        }
    }

    @Override
    protected void mailFrom() throws MessagingException {
        stage = Stage.MAIL;
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        stage = Stage.RCPT;
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        stage = Stage.DATA;
        OutputStream out = super.data();
        stage = Stage.CONTENT;
        return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        stage = Stage.FINAL_DOT;
        super.finishData();
        stage = Stage.DONE;
    }
}
