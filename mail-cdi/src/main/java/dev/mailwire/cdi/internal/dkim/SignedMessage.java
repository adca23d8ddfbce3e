package dev.mailwire.cdi.internal.dkim;

import dev.mailwire.cdi.internal.render.StableIdMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A message whose bytes are final because they are signed: written verbatim on every attempt and stored verbatim
 * by the outbox, so a retry sends exactly what was signed. Its Bcc recipients, which the written form leaves out
 * (Angus never writes Bcc), are kept for the envelope.
 */
public final class SignedMessage extends StableIdMessage {

    private final byte[] bytes;
    private final Address[] bcc;

    SignedMessage(Session session, byte[] bytes, String messageId, Address[] bcc) throws MessagingException {
        super(session, new ByteArrayInputStream(bytes), messageId);
        this.bytes = bytes;
        this.bcc = bcc == null ? null : bcc.clone();
    }

    @Override
    public Address[] getRecipients(jakarta.mail.Message.RecipientType type) throws MessagingException {
        return type == jakarta.mail.Message.RecipientType.BCC
                ? (bcc == null ? null : bcc.clone())
                : super.getRecipients(type);
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        os.write(bytes);
    }

    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        os.write(bytes);
    }

    @Override
    public int getSize() {
        return bytes.length;
    }

    /** The signed bytes are final; nothing to update. */
    @Override
    public void saveChanges() {}
}
