package dev.mailwire.it.reliability.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything a test's mailers said where an operator could read it — every log record of Mailwire's and Angus's
 * loggers at FINEST ({@link AuditedLoggers}), every exception a caller got, every health text, a forked JVM's log —
 * searched for the suite's credentials in every form. Each text is scanned as it comes (log records as they are
 * published, by {@link LogScan}) and only counted, so a long soak holds no text in memory but those that leaked; the
 * report gives the counts. Register every secret ({@link #alsoSecret}) before the texts that could hold it.
 */
public final class CredentialAudit {

    /**
     * The start of a record in a node's log: {@link java.util.logging.SimpleFormatter}'s level line ({@code FINE: …}),
     * or the one-line format of .ci/test-logging.properties, which the nodes inherit ({@code 07:13:48.741 FINE …}).
     */
    private static final Pattern NODE_RECORD = Pattern.compile(
            "(?m)^(?:\\d{2}:\\d{2}:\\d{2}\\.\\d{3} )?(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST)[: ]");

    private static final Pattern NODE_BELOW_INFO =
            Pattern.compile("(?m)^(?:\\d{2}:\\d{2}:\\d{2}\\.\\d{3} )?(CONFIG|FINE|FINER|FINEST)[: ]");

    private final LogScan.Mark start;
    private final List<String> forms = new ArrayList<>(Credentials.leakForms(Credentials.USER, Credentials.PASSWORD));
    /** The exceptions, health texts and node logs that held a credential (each is scanned as it comes). */
    private final List<String> leakedTexts = new ArrayList<>();

    private int exceptions;
    private int healthTexts;
    private int nodeLogs;
    private long nodeRecords;
    private long nodeBelowInfo;

    private CredentialAudit(LogScan.Mark start) {
        this.start = start;
    }

    public static CredentialAudit begin() {
        AuditedLoggers.holdAtFinest();
        LogScan.install();
        LogScan.watch(Credentials.leakForms(Credentials.USER, Credentials.PASSWORD));
        return new CredentialAudit(LogScan.mark());
    }

    /** Also looks for another login's password (the kill test gives each JVM its own). */
    public synchronized CredentialAudit alsoSecret(String user, String password) {
        List<String> more = Credentials.leakForms(user, password);
        forms.addAll(more);
        LogScan.watch(more);
        return this;
    }

    public synchronized void exception(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        scan(w.toString());
        exceptions++;
    }

    public synchronized void health(Object text) {
        scan(String.valueOf(text));
        healthTexts++;
    }

    /** A forked JVM's log file: its records are counted like this JVM's. */
    public synchronized void logFile(Path file) {
        try {
            String log = Files.readString(file, StandardCharsets.UTF_8);
            scan(log);
            nodeLogs++;
            nodeRecords += NODE_RECORD.matcher(log).results().count();
            nodeBelowInfo += NODE_BELOW_INFO.matcher(log).results().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text that holds a credential; empty when nothing leaked. */
    public synchronized List<String> leaks() {
        List<String> all = new ArrayList<>(LogScan.leaksSince(start));
        all.addAll(leakedTexts);
        return all;
    }

    private void scan(String text) {
        if (forms.stream().anyMatch(text::contains)) {
            leakedTexts.add(text);
        }
    }

    /** Log records scanned since the audit began: this JVM's and the node logs'. */
    public synchronized long records() {
        return LogScan.recordsSince(start) + nodeRecords;
    }

    /** Of {@link #records()}, those below INFO: none means the loggers were not at FINEST after all. */
    public synchronized long recordsBelowInfo() {
        return LogScan.belowInfoSince(start) + nodeBelowInfo;
    }

    /**
     * Files the audit's figures: leaks (bound 0), with how many texts at which level were scanned, and the records
     * below INFO (bound ≥ 1, the check that the loggers really were at FINEST), and counts the leaks in the summary.
     */
    public Section report(Section s) {
        return report(s, "");
    }

    /** As {@link #report(Section)}, the figures' names after {@code prefix} (a section shared by several runs). */
    public synchronized Section report(Section s, String prefix) {
        long leaks = leaks().size();
        String where = nodeLogs == 0 ? "" : ", this JVM's and " + nodeLogs + " node JVMs' logs";
        return s.zero(
                        prefix + "credential leaks",
                        leaks,
                        "texts scanned for the password as typed and in Base64, AUTH PLAIN and AUTH LOGIN form: "
                                + records() + " log records (" + AuditedLoggers.describe() + where + "), " + exceptions
                                + " exceptions, " + healthTexts + " health texts")
                .atLeast(
                        prefix + "log records below INFO scanned",
                        recordsBelowInfo(),
                        1,
                        "CONFIG to FINEST records among those scanned: none would mean the audit heard INFO and up only")
                .count(Matrix.CREDENTIAL_LEAKS, leaks);
    }
}
