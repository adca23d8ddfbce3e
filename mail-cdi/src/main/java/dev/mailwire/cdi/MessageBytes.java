package dev.mailwire.cdi;

import dev.mailwire.InvalidMailException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/** Fixes a message's headers for sending and measures it, before any connection is borrowed. */
final class MessageBytes {

    private MessageBytes() {}

    /**
     * Saves the message's changes, keeping a Message-ID the caller set: {@code saveChanges()} would replace it, and
     * a saved message is written as it is, so the ID reported is the ID sent (and a retry sends the same one).
     *
     * @return the Message-ID
     */
    static String freeze(String mailer, MimeMessage message) {
        try {
            String id = message.getMessageID();
            message.saveChanges();
            if (id != null) {
                message.setHeader("Message-ID", id);
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new InvalidMailException(
                    mailer, "message", Messages.UNREADABLE_MESSAGE.format(mailer, e.getMessage()));
        }
    }

    /** The size of the message as written on the wire, in bytes; for a message whose parts can be read twice. */
    static long measure(String mailer, MimeMessage message) {
        CountingStream counter = new CountingStream();
        try {
            message.writeTo(counter);
        } catch (IOException | MessagingException e) {
            throw new InvalidMailException(
                    mailer, "message", Messages.UNREADABLE_MESSAGE.format(mailer, e.getMessage()));
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
