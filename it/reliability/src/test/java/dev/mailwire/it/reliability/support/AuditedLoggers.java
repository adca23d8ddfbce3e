package dev.mailwire.it.reliability.support;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The loggers the credential audit listens to, set to {@link #LEVEL} and held for the life of the JVM. The held
 * references are the point: {@code java.util.logging} keeps loggers weakly, so a level set on a logger nobody holds
 * is lost at the next garbage collection, and its replacement is back at the root's INFO (the audit of issue 11 found
 * 2 log records scanned over 14,406 delivery attempts that way).
 */
public final class AuditedLoggers {

    public static final Level LEVEL = Level.FINEST;

    /** Mailwire's own, and Angus Mail's: {@code jakarta.mail} (Session) and its protocol trace under {@code org.eclipse.angus.mail}. */
    public static final List<String> NAMES = List.of("dev.mailwire", "jakarta.mail", "org.eclipse.angus.mail");

    private static final List<Logger> HELD =
            NAMES.stream().map(Logger::getLogger).toList();

    private AuditedLoggers() {}

    /** Sets every audited logger to {@link #LEVEL} (idempotent); they stay held from here on. */
    public static synchronized void holdAtFinest() {
        HELD.forEach(l -> l.setLevel(LEVEL));
    }

    /** What the report says of them, e.g. {@code dev.mailwire, jakarta.mail, … at FINEST}. */
    public static String describe() {
        return String.join(", ", NAMES) + " held at " + LEVEL;
    }
}
