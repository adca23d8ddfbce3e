package dev.mailwire.test.smtp.postfix;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SMTP connection as Postfix's smtpd logged it, from {@code connect from} to {@code disconnect from}.
 *
 * <p>Sessions are told apart by the smtpd process id: an smtpd process serves one connection at a time, and
 * {@code connect}/{@code disconnect} bracket each one.
 *
 * @param pid the smtpd process that served the connection
 * @param service the syslog name: {@code postfix/smtpd}, or {@code postfix/plain/smtpd} for the plain listener
 * @param clientPort the client's source port, to tie the session to a client socket ({@code getLocalPort()})
 * @param users the SASL identities of the messages submitted in this session, in order, without the realm that
 *     Cyrus appends; a connection that authenticated but never had a recipient accepted shows no name here
 * @param queueIds one per message the server queued in this session
 * @param failedAuthentications AUTH attempts the server refused
 * @param rejections the replies to refused commands, e.g. {@code 550 5.1.1 <rejected@example.test>: ...}
 * @param counters smtpd's summary at disconnect, e.g. {@code ehlo=2, starttls=1, auth=1, mail=1, rcpt=1/2};
 *     a value {@code ok/total} means some commands failed; empty while the session is open
 * @param state whether the session is open, ended by a disconnect, or cut off by a stop of Postfix
 */
public record SmtpSession(
        long pid,
        String service,
        int clientPort,
        List<String> users,
        List<String> queueIds,
        int failedAuthentications,
        List<String> rejections,
        Map<String, String> counters,
        State state) {

    /** Where a session stands in the log. */
    public enum State {
        OPEN,
        DISCONNECTED,
        /** The log ended for it without a disconnect line: Postfix was stopped while it was open. */
        CUT_OFF
    }

    public SmtpSession {
        users = List.copyOf(users);
        queueIds = List.copyOf(queueIds);
        rejections = List.copyOf(rejections);
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters)); // keeps smtpd's order
    }

    public int messages() {
        return queueIds.size();
    }

    /**
     * Successful AUTH commands: smtpd's own {@code auth=} counter once disconnected; while open, 1 if a message was
     * submitted under an identity (RFC 4954 allows one successful AUTH per session, so it can only be 1).
     */
    public int authentications() {
        if (counters.containsKey("auth")) {
            return succeeded("auth");
        }
        return users.isEmpty() ? 0 : 1;
    }

    /** The identity of this connection, if it submitted a message while authenticated. */
    public Optional<String> user() {
        return users.stream().findFirst();
    }

    /** How many {@code name} commands succeeded, per the disconnect summary (0 when absent or still open). */
    public int succeeded(String command) {
        String value = counters.get(command);
        if (value == null) {
            return 0;
        }
        int slash = value.indexOf('/');
        return Integer.parseInt(slash < 0 ? value : value.substring(0, slash));
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
