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

    /** The stream under Angus's buffered one, for pipelined envelopes; null: lock-step. */
    private OutputStream pipelineOut;
    /** The recipients of the send in progress, while its envelope is to be pipelined (until MAIL FROM goes out). */
    private Address[] plannedRecipients;
    /** The envelope in flight, until its last reply is read. */
    private EnvelopePipeline pipeline;
    /** A pipelined reply did not line up with its command: the connection is unusable. */
    private volatile boolean pipelineBroken;

    StagedSmtpTransport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    /** Whether the server offered this SASL mechanism in its last EHLO. */
    synchronized boolean offers(String mechanism) {
        return supportsAuthentication(mechanism); // Angus asserts that the caller holds the transport's lock
    }

    /** Reads one (possibly multi-line) reply; {@link #getLastServerResponse()} then holds its text. */
    synchronized int readReply() throws MessagingException {
        return readServerResponse();
    }

    /**
     * Pipelines envelopes from now on, where the server advertises PIPELINING, writing them to {@code out}: the
     * stream of the socket Angus writes through (the TLS socket once there is one), called after connect.
     */
    synchronized void pipelineTo(OutputStream out) {
        this.pipelineOut = out;
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
        try {
            super.sendMessage(message, addresses);
        } finally {
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
        while (!pipeline.done()) {
            check(super.readServerResponse());
        }
        try {
            if (pipeline.endEmptyContent(pipelineOut)) {
                int code = super.readServerResponse();
                if (code < 200 || (code >= 300 && code < 400) || code >= 600) {
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
        int code = super.readServerResponse();
        if (pipeline != null && pipeline.replyPending()) {
            check(code);
            if (pipeline.done()) {
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
