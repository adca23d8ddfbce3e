package dev.mailwire.jca.oauth2;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every record the named loggers write during a test, at every level down to FINEST, formatted as a log file would
 * have it: what the secrets tests scan. Registered with {@code @RegisterExtension}.
 */
final class EverythingLogged implements BeforeEachCallback, AfterEachCallback {

    private final List<String> names;
    private final List<String> captured = new ArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            synchronized (captured) {
                captured.add(format.format(r));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    EverythingLogged(String... loggerNames) {
        this.names = List.of(loggerNames);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        handler.setLevel(Level.ALL);
        for (String name : names) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.ALL);
            l.addHandler(handler);
            loggers.add(l); // held: a logger nobody references may be collected with its level
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Logger l : loggers) {
            l.removeHandler(handler);
            l.setLevel(null);
        }
        loggers.clear();
    }

    /** What was logged so far, one record after the other. */
    String text() {
        synchronized (captured) {
            return String.join("\n", captured);
        }
    }
}
