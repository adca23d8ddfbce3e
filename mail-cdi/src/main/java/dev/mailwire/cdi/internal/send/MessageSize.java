package dev.mailwire.cdi.internal.send;

import dev.mailwire.jca.MessageValidator;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;

/**
 * What is known of a message's size before it is sent: its exact size, an upper bound, or nothing (it holds a
 * single-use stream, read once, on the wire, so its size is left to the server). A bound settles a limit it does not
 * reach; the message is measured, once, only when the bound is not enough.
 */
public final class MessageSize {

    private static final MessageSize UNKNOWN = new MessageSize(-1, -1);

    private final long atMost;
    private volatile long exact;

    private MessageSize(long atMost, long exact) {
        this.atMost = atMost;
        this.exact = exact;
    }

    public static MessageSize exactly(long bytes) {
        return new MessageSize(bytes, bytes);
    }

    static MessageSize atMost(long bytes) {
        return new MessageSize(bytes, -1);
    }

    public static MessageSize unknown() {
        return UNKNOWN;
    }

    /** Whether the message is known not to exceed {@code limit}; a limit of 0 or less is no limit. */
    boolean fits(long limit) {
        return limit <= 0 || (atMost >= 0 && atMost <= limit);
    }

    boolean known() {
        return atMost >= 0;
    }

    /** The exact size if it was measured; empty for a bound or an unknown size. */
    OptionalLong exact() {
        return exact >= 0 ? OptionalLong.of(exact) : OptionalLong.empty();
    }

    /**
     * Checks the message against the server's SIZE and the configured maximum, measuring it first if its bound
     * reaches either. An unknown size is not checked.
     *
     * @throws dev.mailwire.InvalidMailException if it is too large, naming both sizes
     */
    void check(String mailer, MimeMessage message, OptionalLong serverLimit, long configuredMax) {
        if (!known() || (fits(serverLimit.orElse(0)) && fits(configuredMax))) {
            return;
        }
        long bytes = exact;
        if (bytes < 0) {
            bytes = MessageBytes.measure(mailer, message);
            exact = bytes;
        }
        MessageValidator.checkSize(mailer, bytes, serverLimit, configuredMax);
    }

    @Override
    public String toString() {
        return exact >= 0 ? exact + " bytes" : atMost >= 0 ? "at most " + atMost + " bytes" : "unknown size";
    }
}
