package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.jca.validation.SmtpUtf8;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message sent from the bytes stored when it was sent in its transaction. The headers are parsed (the transport
 * reads From and the recipients from them), but what goes on the wire is the stored bytes, verbatim: a
 * {@code MimeMessage} otherwise gets a new Message-ID from {@code saveChanges()} (DESIGN §6), and a retry must carry
 * the Message-ID the application saw at {@code send}, so that recipients can tell a duplicate.
 *
 * <p>The stored bytes are the message as Angus writes it to the server, without {@code Bcc} and
 * {@code Content-Length} (the headers its SMTP transport leaves out), so writing them verbatim is exact.
 */
final class StoredMessage extends SMTPMessage {

    /** What the SMTP transport omits when it writes a message ({@code SMTPTransport}'s ignore list). */
    static final String[] OMITTED_HEADERS = {"Bcc", "Content-Length"};

    /**
     * Reads headers as UTF-8: a mail sent with SMTPUTF8 was stored with a UTF-8 address (RFC 6532); any other stored
     * mail is ASCII, which reads the same either way.
     */
    private static final Session SESSION = Session.getInstance(utf8());

    private static Properties utf8() {
        Properties p = new Properties();
        p.setProperty(SmtpUtf8.ALLOW_UTF8, "true");
        return p;
    }

    /**
     * The header that carries a stored mail's envelope sender at the very top of the stored bytes. A message never
     * has one of its own: the validator refuses Return-Path, which only the receiving server adds (RFC 5321 §4.4).
     */
    private static final String ENVELOPE_FROM = "Return-Path";

    private final MessageSpool spool;
    /** How many stored bytes the Return-Path line takes: not sent. */
    private final int envelopeLine;

    /** Parses the headers; the body stays in the spool (its file, for a large message), read only to be sent. */
    StoredMessage(MessageSpool spool) throws MessagingException {
        super(SESSION, shared(spool));
        this.spool = spool;
        String[] envelope = getHeader(ENVELOPE_FROM);
        if (envelope == null) {
            envelopeLine = 0;
        } else {
            String address = envelope[0].strip();
            setEnvelopeFrom(address.substring(1, address.length() - 1));
            envelopeLine = envelopeLine(address);
            removeHeader(ENVELOPE_FROM);
        }
    }

    /** Puts the envelope sender of {@code message}, if it has one, first: {@code Return-Path: <address>}. */
    static void writeEnvelopeFrom(MimeMessage message, java.io.OutputStream out) throws IOException {
        if (message instanceof SMTPMessage smtp
                && smtp.getEnvelopeFrom() != null
                && !smtp.getEnvelopeFrom().isEmpty()) {
            out.write(line("<" + smtp.getEnvelopeFrom() + ">"));
        }
    }

    private static byte[] line(String value) {
        return (ENVELOPE_FROM + ": " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static int envelopeLine(String value) {
        return line(value).length;
    }

    StoredMessage(byte[] bytes) throws MessagingException {
        this(MessageSpool.of(bytes));
    }

    private static InputStream shared(MessageSpool spool) throws MessagingException {
        try {
            return spool.shared();
        } catch (IOException e) {
            throw new MessagingException("the stored message cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bytes of {@code message} as the SMTP transport would send them. */
    static byte[] bytesOf(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writeEnvelopeFrom(message, out);
        message.writeTo(out, OMITTED_HEADERS);
        return out.toByteArray();
    }

    /** The size of what is sent: the stored bytes without the envelope line. */
    long wireSize() {
        return spool.size() - envelopeLine;
    }

    MessageSpool spool() {
        return spool;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        spool.writeTo(os, envelopeLine);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        spool.writeTo(os, envelopeLine);
    }

    @Override
    public int getSize() {
        return (int) Math.min(Integer.MAX_VALUE, spool.size() - envelopeLine);
    }

    /** Keeps the stored Message-ID should anything call {@code saveChanges()}. */
    @Override
    protected void updateMessageID() {}

    @Override
    public void saveChanges() {
        // The stored bytes are final; nothing to update.
    }
}
