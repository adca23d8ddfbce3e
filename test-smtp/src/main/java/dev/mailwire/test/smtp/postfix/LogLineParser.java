package dev.mailwire.test.smtp.postfix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Postfix 3.7 log lines into sessions. The lines it relies on (smtpd, with
 * {@code smtpd_client_port_logging=yes} and {@code smtpd_peername_lookup=no}):
 *
 * <pre>
 * postfix/smtpd[812]: connect from unknown[127.0.0.1]:40312
 * postfix/smtpd[812]: 4F1A2B3C: client=unknown[127.0.0.1]:40312, sasl_method=PLAIN, sasl_username=alice@example.test
 * postfix/smtpd[812]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]:40312: 550 5.1.1 &lt;...&gt;: ...; from=&lt;...&gt; ...
 * postfix/smtpd[812]: warning: unknown[127.0.0.1]:40312: SASL PLAIN authentication failed: ...
 * postfix/smtpd[812]: disconnect from unknown[127.0.0.1]:40312 ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1 quit=1 commands=8
 * postfix/master[800]: daemon started -- version 3.7.11, configuration /.../conf
 * </pre>
 *
 * Successful AUTH has no line of its own; the {@code sasl_username} of each queued message and the {@code auth=}
 * counter at disconnect are the server's record of it.
 */
final class LogLineParser {

    private static final Pattern LINE = Pattern.compile(
            "^\\S+\\s+\\d+\\s+[\\d:]+\\s+\\S+\\s+(postfix(?:/[\\w.-]+)*?)/([\\w-]+)\\[(\\d+)\\]: (.*)$");
    private static final Pattern CONNECT = Pattern.compile("^connect from [^\\[]*\\[[^\\]]*\\](?::(\\d+))?$");
    private static final Pattern DISCONNECT = Pattern.compile("^disconnect from \\S+?(?: (.*))?$");
    private static final Pattern QUEUED =
            Pattern.compile("^([0-9A-Za-z]+): client=[^,]+(?:, sasl_method=[^,]+, sasl_username=([^,\\s]+))?");
    private static final Pattern REJECT = Pattern.compile("^\\w+: reject: \\S+ from \\S+?: (\\d{3} .*?); from=");
    private static final Pattern AUTH_FAILED = Pattern.compile("^warning: .*SASL \\S+ authentication failed");

    private final UnaryOperator<String> userName;
    private final List<OpenSession> sessions = new ArrayList<>();
    private final Map<Long, OpenSession> open = new HashMap<>();
    /** Position of the current smtpd line in the log since the last reset: the clock of {@link #peakInUse()}. */
    private long lineNumber;

    LogLineParser(UnaryOperator<String> userName) {
        this.userName = userName;
    }

    void accept(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return;
        }
        String syslogName = m.group(1);
        String program = m.group(2);
        long pid = Long.parseLong(m.group(3));
        String text = m.group(4);
        if (program.equals("master")) {
            if (text.startsWith("daemon started") || text.startsWith("terminating on signal")) {
                cutOffAll();
            }
        } else if (program.equals("smtpd")) {
            lineNumber++;
            smtpd(syslogName + "/" + program, pid, text);
        }
    }

    private void smtpd(String service, long pid, String text) {
        Matcher m;
        if ((m = CONNECT.matcher(text)).matches()) {
            OpenSession stale = open.remove(pid);
            if (stale != null) {
                stale.state = SmtpSession.State.CUT_OFF; // its disconnect line was lost; the pid moved on
            }
            OpenSession session = new OpenSession(pid, service, m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
            session.connectedAt = lineNumber;
            session.lastActiveAt = lineNumber;
            sessions.add(session);
            open.put(pid, session);
            return;
        }
        OpenSession session = open.get(pid);
        if (session == null) {
            return; // began before the mark
        }
        if ((m = DISCONNECT.matcher(text)).matches()) {
            if (m.group(1) != null) {
                for (String counter : m.group(1).trim().split("\\s+")) {
                    int eq = counter.indexOf('=');
                    if (eq > 0) {
                        session.counters.put(counter.substring(0, eq), counter.substring(eq + 1));
                    }
                }
            }
            session.state = SmtpSession.State.DISCONNECTED;
            open.remove(pid);
        } else if ((m = QUEUED.matcher(text)).find()) {
            session.lastActiveAt = lineNumber;
            session.queueIds.add(m.group(1));
            if (m.group(2) != null && !session.users.contains(userName.apply(m.group(2)))) {
                session.users.add(userName.apply(m.group(2)));
            }
        } else if ((m = REJECT.matcher(text)).find()) {
            session.lastActiveAt = lineNumber;
            session.rejections.add(m.group(1));
        } else if (AUTH_FAILED.matcher(text).find()) {
            session.lastActiveAt = lineNumber;
            session.failedAuthentications++;
        }
    }

    void cutOffAll() {
        for (OpenSession session : open.values()) {
            session.state = SmtpSession.State.CUT_OFF;
        }
        open.clear();
    }

    List<SmtpSession> sessions() {
        return sessions.stream().map(OpenSession::toSession).toList();
    }

    /**
     * The most sessions the server saw in use at the same time: each counts from its connect line to its last line
     * of client activity (a queued message, a rejection, a failed AUTH). Its disconnect line is no end mark: smtpd
     * logs it after the client has gone, so a client that closes one connection and then opens another can have
     * the new connect logged before the old disconnect, by another smtpd process. Two sessions counted together
     * here were both talking to the server at once.
     */
    int peakInUse() {
        List<long[]> marks = new ArrayList<>();
        for (OpenSession s : sessions) {
            marks.add(new long[] {s.connectedAt, +1});
            marks.add(new long[] {s.lastActiveAt, -1});
        }
        // One line is one event, so marks at the same line belong to one session: open before close.
        marks.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(b[1], a[1]));
        int inUse = 0;
        int peak = 0;
        for (long[] mark : marks) {
            inUse += (int) mark[1];
            peak = Math.max(peak, inUse);
        }
        return peak;
    }

    void reset() {
        sessions.clear();
        open.clear();
        lineNumber = 0;
    }

    /** A session being assembled from its lines. */
    private static final class OpenSession {
        final long pid;
        final String service;
        final int clientPort;
        final List<String> users = new ArrayList<>();
        final List<String> queueIds = new ArrayList<>();
        final List<String> rejections = new ArrayList<>();
        final Map<String, String> counters = new LinkedHashMap<>();
        int failedAuthentications;
        long connectedAt;
        long lastActiveAt;
        SmtpSession.State state = SmtpSession.State.OPEN;

        OpenSession(long pid, String service, int clientPort) {
            this.pid = pid;
            this.service = service;
            this.clientPort = clientPort;
        }

        SmtpSession toSession() {
            return new SmtpSession(
                    pid, service, clientPort, users, queueIds, failedAuthentications, rejections, counters, state);
        }
    }
}
