package dev.mailwire.jca;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The sessions a factory made for connection specs' settings, bounded: at most {@link #MAX_ENTRIES}, least recently
 * used out first, and none kept once unused for {@link #MAX_IDLE}. Keys can hold a trust-store password, so a
 * rotated one must leave the map; and an entry dropped while its connections still send costs nothing but a new
 * session (TLS context, connect back-off) for the next connection made with those settings.
 *
 * @param <V> what is kept per settings
 */
final class SpecSessions<V> {

    static final int MAX_ENTRIES = 64;
    static final Duration MAX_IDLE = Duration.ofMinutes(10);

    private final LinkedHashMap<Map<String, String>, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final LongSupplier nanoClock;

    SpecSessions() {
        this(System::nanoTime);
    }

    SpecSessions(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The value for {@code settings}, made by {@code make} (outside the lock: a TLS context takes tens of ms). */
    V get(Map<String, String> settings, Function<Map<String, String>, V> make) {
        synchronized (this) {
            Entry<V> e = entries.get(settings);
            if (e != null) {
                e.used = nanoClock.getAsLong();
                return e.value;
            }
        }
        V made = make.apply(settings);
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Entry<V> e = entries.computeIfAbsent(settings, k -> new Entry<>(made));
            e.used = now;
            expire(now);
            return e.value;
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Drops, eldest use first, what is idle too long, then what is beyond the bound. */
    private void expire(long now) {
        long maxIdle = MAX_IDLE.toNanos();
        for (Iterator<Entry<V>> it = entries.values().iterator(); it.hasNext(); ) {
            Entry<V> e = it.next();
            if (now - e.used > maxIdle || entries.size() > MAX_ENTRIES) {
                it.remove();
            } else {
                break; // access order: everything after was used more recently
            }
        }
    }

    private static final class Entry<V> {
        final V value;
        long used;

        Entry(V value) {
            this.value = value;
        }
    }
}
