package dev.mailwire.test.smtp.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made {@link Behaviour}s for the faults Mailwire must survive; combine them with {@link Behaviour#and}. Each
 * names the real-world case it stands for.
 */
public final class Faults {

    private Faults() {}

    /** Every command with this verb gets this reply instead (e.g. {@code MAIL} → 451), the command has no effect. */
    public static Behaviour reply(String verb, int code, String text) {
        String expected = verb.toUpperCase(Locale.ROOT);
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(expected) ? Action.reply(code, text) : Action.proceed();
            }
        };
    }

    /** Reply to this verb, then close: a server shutting down answers 421 and hangs up (RFC 5321 3.8). */
    public static Behaviour replyAndClose(String verb, int code, String text) {
        String expected = verb.toUpperCase(Locale.ROOT);
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(expected) ? Action.replyAndClose(code, text) : Action.proceed();
            }
        };
    }

    /** RCPT TO this address gets this reply (e.g. 550 unknown user, 450 mailbox busy); others are accepted. */
    public static Behaviour rcpt(String address, int code, String text) {
        String wanted = "<" + address.toLowerCase(Locale.ROOT) + ">";
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                return verb.equals("RCPT") && line.toLowerCase(Locale.ROOT).contains(wanted)
                        ? Action.reply(code, text)
                        : Action.proceed();
            }
        };
    }

    /** A greeting other than 220 (e.g. 421 too busy, 554 no service), and the connection closed. */
    public static Behaviour greeting(int code, String text) {
        return new Behaviour() {
            @Override
            public Action onConnect(SmtpConnection c) {
                return Action.replyAndClose(code, text);
            }
        };
    }

    /** STARTTLS removed from the EHLO reply, as a man in the middle strips it; the command itself still works. */
    public static Behaviour stripStartTls() {
        return new Behaviour() {
            @Override
            public List<String> capabilities(SmtpConnection c, List<String> capabilities) {
                return capabilities.stream()
                        .filter(k -> !k.equalsIgnoreCase("STARTTLS"))
                        .toList();
            }
        };
    }

    /** An extra EHLO keyword, e.g. a forged {@code AUTH PLAIN} offered before TLS. */
    public static Behaviour extraCapability(String keyword) {
        return new Behaviour() {
            @Override
            public List<String> capabilities(SmtpConnection c, List<String> capabilities) {
                List<String> more = new ArrayList<>(capabilities);
                more.add(keyword);
                return more;
            }
        };
    }

    /**
     * Bytes sent in plaintext right after the STARTTLS 220, before the handshake: a client that buffered them would
     * later take them for replies received over TLS (the CVE-2011-0411 class of injection).
     */
    public static Behaviour injectAfterStartTls(String bytes) {
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                return verb.equals("STARTTLS") ? Action.proceed().thenWrite(bytes) : Action.proceed();
            }
        };
    }

    /** Accepts the TCP connection and never says a word: the client's read timeout must fire. */
    public static Behaviour silent() {
        return new Behaviour() {
            @Override
            public Action onConnect(SmtpConnection c) {
                return Action.hang();
            }
        };
    }

    /** Normal until this verb, then never answers again (reads and drops what comes). */
    public static Behaviour blackHoleAt(String verb) {
        String expected = verb.toUpperCase(Locale.ROOT);
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(expected) ? Action.hang() : Action.proceed();
            }
        };
    }

    /** Every reply sent one byte at a time with this pause: slow, but never silent long enough to time out a read. */
    public static Behaviour trickle(Duration perByte) {
        return new Behaviour() {
            @Override
            public Duration replyByteDelay(SmtpConnection c) {
                return perByte;
            }
        };
    }

    /** After 354 the server stops reading: a large message fills the socket buffers and the client's write blocks. */
    public static Behaviour stopReadingDuringData() {
        return new Behaviour() {
            @Override
            public Action onDataStart(SmtpConnection c) {
                return Action.stopReading();
            }
        };
    }

    /** The whole message arrives, and the reply to the final dot never comes: did the server take it or not? */
    public static Behaviour neverAnswerFinalDot() {
        return new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage message) {
                return Action.hang();
            }
        };
    }

    /** Accepts {@code count} messages per connection, then closes it without a word after the last 250. */
    public static Behaviour closeAfterMessages(int count) {
        return new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage message) {
                return c.messages() + 1 >= count ? Action.proceed().thenClose() : Action.proceed();
            }
        };
    }

    /** Closes the connection without a reply when this verb arrives (a crash, a reset). */
    public static Behaviour dropAt(String verb) {
        String expected = verb.toUpperCase(Locale.ROOT);
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(expected) ? Action.close() : Action.proceed();
            }
        };
    }

    /** Something that is not an SMTP reply in answer to this verb. */
    public static Behaviour garbageReplyTo(String verb) {
        String expected = verb.toUpperCase(Locale.ROOT);
        return new Behaviour() {
            @Override
            public Action onCommand(SmtpConnection c, String v, String line) {
                return v.equals(expected) ? Action.raw("HTTP/1.1 400 Bad Request\r\n") : Action.proceed();
            }
        };
    }

    /**
     * A server that wants credentials in plaintext: no STARTTLS offered, AUTH offered, MAIL refused until AUTH.
     * Build the server with {@code authBeforeTls(true)} so that an AUTH, if the client wrongly sends it, succeeds.
     */
    public static Behaviour demandAuthBeforeStartTls() {
        return new Behaviour() {
            @Override
            public List<String> capabilities(SmtpConnection c, List<String> capabilities) {
                return stripStartTls().capabilities(c, capabilities);
            }

            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                return verb.equals("MAIL") && c.authIdentity().isEmpty()
                        ? Action.reply(530, "5.7.0 Authentication required")
                        : Action.proceed();
            }
        };
    }
}
