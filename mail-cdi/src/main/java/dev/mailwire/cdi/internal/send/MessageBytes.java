package dev.mailwire.cdi.internal.send;

import dev.mailwire.InvalidMailException;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.jca.MessageValidator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;

/** Measures a message as it is written, before any connection is borrowed. */
final class MessageBytes {

    private MessageBytes() {}

    /** The size of the message as written on the wire, in bytes; for a message whose parts can be read twice. */
    static long measure(String mailer, MimeMessage message) {
        CountingStream counter = new CountingStream();
        try {
            message.writeTo(counter);
        } catch (IOException | MessagingException e) {
            throw new InvalidMailException(
                    mailer,
                    "message",
                    Messages.UNREADABLE_MESSAGE.format(mailer, MessageValidator.escaped(e.getMessage())));
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
