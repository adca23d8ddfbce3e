package dev.mailwire.test.smtp.fake;

import java.time.Duration;
import java.util.List;

/**
 * Where a test bends the fake server: each hook is asked at one step of the conversation and by default lets the
 * server behave well. Behaviours combine with {@link #and(Behaviour)}; ready-made ones are in {@link Faults}. A
 * behaviour is called from the connection's thread and may be swapped while the server runs
 * ({@link FakeSmtpServer#behaviour(Behaviour)}).
 */
public interface Behaviour {

    /** The well-behaved server. */
    Behaviour NORMAL = new Behaviour() {};

    /** What a well-behaved server answers to a RCPT it accepts. */
    String ACCEPTED_RECIPIENT = "250 2.1.5 Ok";

    /** Before the greeting; {@link Action#reply} replaces the 220 greeting. */
    default Action onConnect(SmtpConnection connection) {
        return Action.proceed();
    }

    /** For each command line, before the server handles it. {@code verb} is upper case, e.g. {@code RCPT}. */
    default Action onCommand(SmtpConnection connection, String verb, String line) {
        return Action.proceed();
    }

    /** The EHLO keywords the server is about to offer (e.g. {@code STARTTLS}, {@code AUTH PLAIN LOGIN}). */
    default List<String> capabilities(SmtpConnection connection, List<String> capabilities) {
        return capabilities;
    }

    /** After the 354 reply to DATA, before the message is read. */
    default Action onDataStart(SmtpConnection connection) {
        return Action.proceed();
    }

    /** After the final dot, before the reply to it; the message is already recorded. */
    default Action onMessage(SmtpConnection connection, ReceivedMessage message) {
        return Action.proceed();
    }

    /** The reply line (no CR LF) to a RCPT the server accepts: a test may put odd text, control characters, in it. */
    default String acceptedRecipientReply(SmtpConnection connection, String address) {
        return ACCEPTED_RECIPIENT;
    }

    /** A pause after each byte of every reply on this connection; zero sends replies whole. */
    default Duration replyByteDelay(SmtpConnection connection) {
        return Duration.ZERO;
    }

    /** Both behaviours: the first action that is not {@code proceed} wins; capability filters apply in order. */
    default Behaviour and(Behaviour next) {
        Behaviour first = this;
        return new Behaviour() {
            @Override
            public Action onConnect(SmtpConnection c) {
                Action action = first.onConnect(c);
                return action.isProceed() ? next.onConnect(c) : action;
            }

            @Override
            public Action onCommand(SmtpConnection c, String verb, String line) {
                Action action = first.onCommand(c, verb, line);
                return action.isProceed() ? next.onCommand(c, verb, line) : action;
            }

            @Override
            public List<String> capabilities(SmtpConnection c, List<String> capabilities) {
                return next.capabilities(c, first.capabilities(c, capabilities));
            }

            @Override
            public Action onDataStart(SmtpConnection c) {
                Action action = first.onDataStart(c);
                return action.isProceed() ? next.onDataStart(c) : action;
            }

            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage message) {
                Action action = first.onMessage(c, message);
                return action.isProceed() ? next.onMessage(c, message) : action;
            }

            @Override
            public String acceptedRecipientReply(SmtpConnection c, String address) {
                String reply = first.acceptedRecipientReply(c, address);
                return reply.equals(ACCEPTED_RECIPIENT) ? next.acceptedRecipientReply(c, address) : reply;
            }

            @Override
            public Duration replyByteDelay(SmtpConnection c) {
                Duration a = first.replyByteDelay(c);
                Duration b = next.replyByteDelay(c);
                return a.compareTo(b) >= 0 ? a : b;
            }
        };
    }
}
