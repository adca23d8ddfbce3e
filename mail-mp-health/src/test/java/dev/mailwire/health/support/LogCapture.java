package dev.mailwire.health.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record while open, Mailwire's at every level (FINE and below included: an
 * operator who turns them on must not see a secret either), formatted as a console would print them, stack traces
 * included.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final String[] LOUD = {"dev.mailwire"};

    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<Level> saved = new ArrayList<>();
    private final List<Logger> loud = new ArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        for (String name : LOUD) {
            Logger logger = Logger.getLogger(name);
            capture.loud.add(logger);
            capture.saved.add(logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    public synchronized String text() {
        return String.join("", lines);
    }

    public synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        for (int i = 0; i < loud.size(); i++) {
            loud.get(i).setLevel(saved.get(i));
        }
    }
}
