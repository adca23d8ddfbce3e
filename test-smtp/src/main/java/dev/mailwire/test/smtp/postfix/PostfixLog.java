package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What one private Postfix logged, read as it grows: connections, AUTHs and messages as the server saw them. Tests
 * assert on these, so that reuse or isolation is proven by the server, not by a counter in the code under test.
 *
 * <p>The log is written by Postfix's {@code postlog} service a moment after the event (smtpd logs
 * {@code disconnect from} after its 221 reply), so use the {@code await} methods before asserting on a session
 * that just ended. {@link #mark()} forgets everything so far; sessions that began before the mark are ignored.
 * Lines logged in the last instant before {@link PrivatePostfix#stop()} can be lost, because the postlog daemon
 * stops with the others: await what you assert on before stopping.
 */
public final class PostfixLog {

    /** The key in {@link #authenticationsByUser()} for sessions that authenticated but submitted no message. */
    public static final String UNKNOWN_USER = "(unknown)";

    private final Path file;
    private final String realmSuffix;
    private final LogLineParser parser;
    private long offset;
    private final List<String> lines = new ArrayList<>();

    PostfixLog(Path file, String realm) {
        this.file = file;
        this.realmSuffix = "@" + realm;
        this.parser = new LogLineParser(this::withoutRealm);
    }

    /** Every session that connected since the last {@link #mark()}, in the order they connected. */
    public synchronized List<SmtpSession> sessions() {
        refresh();
        return parser.sessions();
    }

    public int connections() {
        return sessions().size();
    }

    /** Successful AUTHs: see {@link SmtpSession#authentications()} for how a session counts them. */
    public int authentications() {
        return sessions().stream().mapToInt(SmtpSession::authentications).sum();
    }

    /** Successful AUTHs per identity (without the realm); {@link #UNKNOWN_USER} where no message named it. */
    public Map<String, Integer> authenticationsByUser() {
        Map<String, Integer> byUser = new LinkedHashMap<>();
        for (SmtpSession session : sessions()) {
            if (session.authentications() > 0) {
                byUser.merge(session.user().orElse(UNKNOWN_USER), session.authentications(), Integer::sum);
            }
        }
        return byUser;
    }

    /**
     * The most connections the server saw in use at once: each from its connect line to its last line of client
     * activity, so the lag of smtpd's disconnect line never counts a closed connection as open. A pool that opens
     * more connections than its maximum under load shows here, because its busy connections keep logging.
     */
    public synchronized int peakConnectionsInUse() {
        refresh();
        return parser.peakInUse();
    }

    /** The raw lines since the last {@link #mark()}. */
    public synchronized List<String> lines() {
        refresh();
        return List.copyOf(lines);
    }

    /** Forgets every line so far: what follows counts from zero. */
    public synchronized void mark() {
        refresh();
        lines.clear();
        parser.reset();
    }

    /** Called once Postfix has stopped: sessions without a disconnect line will never get one. */
    synchronized void cutOffOpenSessions() {
        refresh();
        parser.cutOffAll();
    }

    /** Waits until {@code count} sessions have ended (disconnected or cut off) and returns all sessions. */
    public List<SmtpSession> awaitEnded(int count, Duration timeout) {
        return await(
                sessions -> sessions.stream().filter(s -> !s.isOpen()).count() >= count,
                timeout,
                count + " ended session(s)");
    }

    /** Waits until the sessions satisfy {@code condition}, e.g. a count of messages; returns them. */
    public List<SmtpSession> await(Predicate<List<SmtpSession>> condition, Duration timeout, String description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<SmtpSession> sessions = sessions();
            if (condition.test(sessions)) {
                return sessions;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Postfix's log did not show " + description + " within " + timeout
                        + "; sessions: " + sessions + "\nlast log lines:\n" + tail(20));
            }
            pause(Duration.ofMillis(20));
        }
    }

    /** Waits until a line containing {@code text} has been logged since the last mark; returns it. */
    public String awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Postfix's log did not show \"" + text + "\" within " + timeout
                        + "; last log lines:\n" + tail(20));
            }
            pause(Duration.ofMillis(20));
        }
    }

    /** The last lines of the whole file (mark or not), for failure messages. */
    public String tail(int count) {
        try {
            if (!Files.exists(file)) {
                return "(no log yet at " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    public Path file() {
        return file;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Postfix", e);
        }
    }

    /** Reads what was appended since the last read; a line still being written waits for its newline. */
    private void refresh() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                offset = 0; // replaced under us: start over
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return;
            }
            offset += end + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                lines.add(line);
                parser.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Postfix's log " + file, e);
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String withoutRealm(String user) {
        return user.endsWith(realmSuffix) ? user.substring(0, user.length() - realmSuffix.length()) : user;
    }
}
