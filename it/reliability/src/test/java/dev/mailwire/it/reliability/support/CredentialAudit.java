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
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a test's mailers said where an operator could read it — every log record (Mailwire's at FINE, the rest
 * at INFO), every exception a caller got, every health text — searched for the suite's credentials in every form.
 * One handler for the JVM; an audit sees what was logged since it began.
 */
public final class CredentialAudit {

    private static final List<String> LOG = new ArrayList<>();
    private static boolean installed;

    private final int logStart;
    private final List<String> exceptions = new ArrayList<>();
    private final List<String> health = new ArrayList<>();
    private final List<String> forms = new ArrayList<>(Credentials.leakForms(Credentials.USER, Credentials.PASSWORD));

    private CredentialAudit(int logStart) {
        this.logStart = logStart;
    }

    public static synchronized CredentialAudit begin() {
        if (!installed) {
            installed = true;
            Logger.getLogger("dev.mailwire").setLevel(Level.FINE);
            Logger.getLogger("").addHandler(new Capture());
        }
        return new CredentialAudit(LOG.size());
    }

    /** Also looks for another login's password (the kill test gives each JVM its own). */
    public synchronized CredentialAudit alsoSecret(String user, String password) {
        forms.addAll(Credentials.leakForms(user, password));
        return this;
    }

    public synchronized void exception(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        exceptions.add(w.toString());
    }

    public synchronized void health(Object text) {
        health.add(String.valueOf(text));
    }

    /** A forked JVM's log file: it counts as log output. */
    public synchronized void logFile(Path file) {
        try {
            health.add(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Texts seen: log records, exceptions, health texts (for the report). */
    public synchronized String seen() {
        return logLines().size() + " log records, " + exceptions.size() + " exceptions, " + health.size()
                + " health or node-log texts";
    }

    /** Every text that holds a credential; empty when nothing leaked. */
    public synchronized List<String> leaks() {
        List<String> all = new ArrayList<>(logLines());
        all.addAll(exceptions);
        all.addAll(health);
        return all.stream()
                .filter(text -> forms.stream().anyMatch(text::contains))
                .toList();
    }

    private List<String> logLines() {
        synchronized (LOG) {
            return List.copyOf(LOG.subList(Math.min(logStart, LOG.size()), LOG.size()));
        }
    }

    private static final class Capture extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            String text = formatter.format(record);
            synchronized (LOG) {
                LOG.add(text);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
