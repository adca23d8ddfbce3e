package dev.mailwire.jca.pool;

import dev.mailwire.jca.pool.PooledConnection.State;
import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The idle connections, one lock-free LIFO queue per identity. The queue is only a pre-filter (equal request infos
 * share one); the factory's {@code matchManagedConnections} still has the last word. LIFO hands out the most
 * recently used connection, whose TLS session and server-side state are warmest, and lets the rest age out.
 *
 * <p>A queue may hold entries that another thread has already moved out of {@code IDLE}; they are skipped and
 * dropped. An empty queue is removed by the evictor's sweep: its key is a request info holding a password, and
 * rotated passwords or short-lived identities must not stay in the map for the life of the application. Adding to a
 * queue and removing an empty one both run inside the map's per-key {@code compute}, so a connection is never
 * returned into a queue that was just removed.
 */
final class IdleConnections {

    /** The identity key for a request without {@link ConnectionRequestInfo}: the factory's own settings. */
    static final Object DEFAULT_IDENTITY = new Object() {
        @Override
        public String toString() {
            return "<no request info>";
        }
    };

    private final Map<Object, ConcurrentLinkedDeque<PooledConnection>> byIdentity = new ConcurrentHashMap<>();

    static Object identityOf(ConnectionRequestInfo cri) {
        return cri == null ? DEFAULT_IDENTITY : cri;
    }

    /** Puts a connection the caller has just moved to {@code IDLE} at the head of its identity's queue. */
    void push(PooledConnection pc) {
        byIdentity.compute(pc.identity, (k, queue) -> {
            ConcurrentLinkedDeque<PooledConnection> q = queue != null ? queue : new ConcurrentLinkedDeque<>();
            q.offerFirst(pc);
            return q;
        });
    }

    /** The most recently returned idle connection of this identity, now {@code CHECKING}; null if none. */
    PooledConnection take(Object identity) {
        ConcurrentLinkedDeque<PooledConnection> queue = byIdentity.get(identity);
        if (queue == null) {
            return null;
        }
        PooledConnection pc;
        while ((pc = queue.pollFirst()) != null) {
            if (pc.transition(State.IDLE, State.CHECKING)) {
                return pc;
            }
        }
        return null;
    }

    /** The least recently returned idle connection of any other identity, now {@code DESTROYED}; null if none. */
    PooledConnection takeOtherIdentity(Object identity) {
        for (Map.Entry<Object, ConcurrentLinkedDeque<PooledConnection>> e : byIdentity.entrySet()) {
            if (e.getKey().equals(identity)) {
                continue;
            }
            PooledConnection pc;
            while ((pc = e.getValue().pollLast()) != null) {
                if (pc.transition(State.IDLE, State.DESTROYED)) {
                    return pc;
                }
            }
        }
        return null;
    }

    /** Drops an entry the caller has moved out of {@code IDLE}, so the queue does not keep it until polled. */
    void remove(PooledConnection pc) {
        ConcurrentLinkedDeque<PooledConnection> queue = byIdentity.get(pc.identity);
        if (queue != null) {
            queue.removeFirstOccurrence(pc);
        }
    }

    /** Idle connections of one identity, counted now. */
    int count(Object identity) {
        ConcurrentLinkedDeque<PooledConnection> queue = byIdentity.get(identity);
        int n = 0;
        if (queue != null) {
            for (PooledConnection pc : queue) {
                if (pc.state() == State.IDLE) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Moves to {@code DESTROYED} and returns, oldest first, the idle connections past {@code maxLifetime} or their
     * message allowance, and those idle longer than {@code idleTimeout} except the newest {@code minIdle} of the
     * default identity (evicting those would only make the evictor open them again).
     */
    List<PooledConnection> takeExpired(long now, PoolSettings settings) {
        long idleTimeout = settings.idleTimeout().toNanos();
        long maxLifetime = settings.maxLifetime().toNanos();
        List<PooledConnection> expired = new ArrayList<>();
        byIdentity.forEach((identity, queue) -> {
            int spare = identity == DEFAULT_IDENTITY ? count(identity) - settings.minIdle() : Integer.MAX_VALUE;
            for (Iterator<PooledConnection> it = queue.descendingIterator(); it.hasNext(); ) {
                PooledConnection pc = it.next();
                boolean mustGo = pc.pastLifetime(now, maxLifetime) || pc.spent(settings.maxMessagesPerConnection());
                boolean mayGo = spare > 0 && pc.idleNanos(now) > idleTimeout;
                if ((mustGo || mayGo) && pc.transition(State.IDLE, State.DESTROYED)) {
                    it.remove();
                    spare--;
                    expired.add(pc);
                }
            }
        });
        dropEmptyQueues();
        return expired;
    }

    private void dropEmptyQueues() {
        for (Object identity : byIdentity.keySet()) {
            byIdentity.computeIfPresent(identity, (k, queue) -> {
                queue.removeIf(pc -> pc.state() != State.IDLE); // entries another thread already took
                return queue.isEmpty() ? null : queue;
            });
        }
    }

    /** How many identities have a queue: a bound to watch, since each key holds a request info and its password. */
    int queues() {
        return byIdentity.size();
    }

    /** Moves every idle connection to {@code DESTROYED} and returns them (pool closing). */
    List<PooledConnection> takeAll() {
        List<PooledConnection> all = new ArrayList<>();
        byIdentity.values().forEach(queue -> {
            PooledConnection pc;
            while ((pc = queue.pollLast()) != null) {
                if (pc.transition(State.IDLE, State.DESTROYED)) {
                    all.add(pc);
                }
            }
        });
        return all;
    }
}
