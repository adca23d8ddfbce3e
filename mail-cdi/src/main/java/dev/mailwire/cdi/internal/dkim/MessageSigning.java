package dev.mailwire.cdi.internal.dkim;

import dev.mailwire.InvalidMailException;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.render.StableIdMessage;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Signs a rendered, validated message once, before it is sent or stored: the result is a {@link SignedMessage} whose
 * bytes every attempt (and the outbox) sends unchanged. The message is held in memory while it is signed and sent.
 */
public final class MessageSigning {

    /** What Angus's SMTP transport leaves out when it writes a message: the signature must cover what is sent. */
    private static final String[] NOT_WRITTEN = {"Bcc", "Content-Length"};

    private final String mailer;
    private final DkimSigner signer;
    private final Session session;

    public MessageSigning(String mailer, DkimSigner signer, Session session) {
        this.mailer = mailer;
        this.signer = signer;
        this.session = session;
    }

    /**
     * @throws InvalidMailException (field {@code from}) when no key's domain is the From domain or above it
     */
    public SignedMessage sign(StableIdMessage message) {
        return sign(message, message.messageId());
    }

    /**
     * Signs a message the application built; it has been saved and validated, and {@code messageId} is its
     * Message-ID.
     */
    public SignedMessage sign(MimeMessage message, String messageId) {
        try {
            String domain = fromDomain(message);
            List<DkimKey> keys = signer.keysFor(domain);
            if (keys.isEmpty()) {
                String configured =
                        signer.keys().stream().map(DkimKey::domain).distinct().collect(Collectors.joining(", "));
                throw new InvalidMailException(
                        mailer, "from", Messages.NO_DKIM_KEY_FOR_DOMAIN.format(mailer, domain, configured));
            }
            byte[] wire = wireForm(message);
            List<String> fields = signer.sign(wire, keys);
            ByteArrayOutputStream signed = new ByteArrayOutputStream(wire.length + 600 * fields.size());
            for (String field : fields) {
                signed.write((field + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            signed.write(wire);
            // Parsed back with the message's own session: a message written as UTF-8 is read as UTF-8.
            Session own = message.getSession() != null ? message.getSession() : session;
            SignedMessage result =
                    new SignedMessage(own, signed.toByteArray(), messageId, message.getRecipients(RecipientType.BCC));
            if (message instanceof SMTPMessage smtp) {
                result.setEnvelopeFrom(smtp.getEnvelopeFrom());
            }
            return result;
        } catch (MessagingException | IOException | GeneralSecurityException e) {
            throw new MailerException(mailer, Messages.NOT_SIGNED.format(mailer, e), e);
        }
    }

    private static String fromDomain(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        String address = ((InternetAddress) from[0]).getAddress();
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The message as the transport writes it, with every line ended by CRLF: Angus's SMTP stream turns each bare
     * CR or LF into CRLF on the wire, so that is the form the receiver sees and the signature must cover.
     */
    private static byte[] wireForm(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
        message.writeTo(raw, NOT_WRITTEN);
        byte[] in = raw.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 32);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
