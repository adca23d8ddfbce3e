package dev.mailwire.jca;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, remembering how far the current send got. Only a failure before the server saw any byte
 * of the message may be retried on a fresh connection (DESIGN §4); a failure after the final dot may already have
 * delivered the mail, so retrying it could send it twice.
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

    Stage stage() {
        return stage;
    }

    void resetStage() {
        stage = Stage.IDLE;
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
