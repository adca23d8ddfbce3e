package dev.mailwire.it.reliability.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One handler on the root logger for the JVM: formats each record as an operator's log would show it, checks it for
 * every credential form registered so far, and keeps only counts and the texts that leaked. A soak logs hundreds of
 * thousands of protocol-trace records at FINEST; keeping them all would cost the test JVM its heap.
 */
final class LogScan extends Handler {

    /** Where an audit began: counts and leaks at that moment. */
    record Mark(long records, long belowInfo, int leaks) {}

    private static final Set<String> FORMS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new ArrayList<>();
    private static long records;
    private static long belowInfo;
    private static boolean installed;

    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogScan() {
        setLevel(Level.ALL);
    }

    static synchronized void install() {
        if (!installed) {
            installed = true;
            Logger.getLogger("").addHandler(new LogScan());
        }
    }

    static void watch(List<String> forms) {
        FORMS.addAll(forms);
    }

    static synchronized Mark mark() {
        return new Mark(records, belowInfo, LEAKS.size());
    }

    static synchronized long recordsSince(Mark m) {
        return records - m.records();
    }

    static synchronized long belowInfoSince(Mark m) {
        return belowInfo - m.belowInfo();
    }

    static synchronized List<String> leaksSince(Mark m) {
        return List.copyOf(LEAKS.subList(m.leaks(), LEAKS.size()));
    }

    @Override
    public void publish(LogRecord record) {
        String text = formatter.format(record);
        boolean leak = FORMS.stream().anyMatch(text::contains);
        synchronized (LogScan.class) {
            records++;
            if (record.getLevel().intValue() < Level.INFO.intValue()) {
                belowInfo++;
            }
            if (leak) {
                LEAKS.add(text);
            }
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
