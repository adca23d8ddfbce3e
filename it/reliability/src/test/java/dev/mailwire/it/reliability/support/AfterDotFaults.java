package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.postfix.DeliveredMessage;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells from Postfix's own log whether a duplicate had a cause after the final dot: a copy Postfix queued in a
 * session that then ended without the client's QUIT (the server was stopped, or the client died) may have been
 * accepted without the client ever recording it. Only such a copy may be followed by another with the same
 * Message-ID.
 *
 * <p>Which copies of such a session are in doubt depends on who failed. When the server goes away, only the message
 * in flight: the client waits for the reply to each final dot before the next MAIL FROM, so every earlier one was
 * answered ({@link #serverStops}). When the client JVM dies, any message it had not yet recorded as sent: its
 * connection goes back to the pool and serves the next mails while the outcome of the last one is still being written
 * to the database ({@link #clientDies}).
 */
public final class AfterDotFaults {

    /** queue id → whether its answer may have been lost. */
    private final Map<String, Boolean> inDoubt = new HashMap<>();

    private AfterDotFaults(List<SmtpSession> sessions, boolean lastOnly) {
        for (SmtpSession s : sessions) {
            List<String> ids = s.queueIds();
            boolean broken = s.state() == SmtpSession.State.CUT_OFF || s.succeeded("quit") == 0;
            for (int i = 0; i < ids.size(); i++) {
                inDoubt.put(ids.get(i), broken && (!lastOnly || i == ids.size() - 1));
            }
        }
    }

    /** For restarts of the server under a live client. */
    public static AfterDotFaults serverStops(List<SmtpSession> sessions) {
        return new AfterDotFaults(sessions, true);
    }

    /** For client JVMs killed under load. */
    public static AfterDotFaults clientDies(List<SmtpSession> sessions) {
        return new AfterDotFaults(sessions, false);
    }

    /**
     * Whether every copy beyond the first is explained: at least as many copies as there are duplicates were left
     * with their answer in doubt. A copy whose queue id the log lost (Postfix's log daemon stops with the others, so
     * the lines of the last instant before a stop can be missing) counts as in doubt: only a stop loses lines.
     */
    public boolean explains(List<DeliveredMessage> copies) {
        long doubtful = copies.stream()
                .map(m -> m.queueId().map(inDoubt::get).orElse(null))
                .filter(b -> b == null || b)
                .count();
        return doubtful >= copies.size() - 1;
    }
}
