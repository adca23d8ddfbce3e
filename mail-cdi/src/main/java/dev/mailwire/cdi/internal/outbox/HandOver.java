package dev.mailwire.cdi.internal.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries committed entries from the transaction's afterCompletion to the dispatcher without waking a thread from
 * inside {@code commit()}. Waking one there cost the committer far more than the wake-up: on two cores the woken
 * dispatcher thread took the committer's CPU and ran its claim and the start of the send before {@code commit()}
 * could return (measured with embedded Narayana and H2: the afterCompletion took 390-550 µs at p50, against 8 µs
 * without the hand-over and 40 µs for a wake-up of a thread with nothing to do).
 *
 * <p>So {@link #offer} only adds to a queue, and a collector task on a dispatch thread takes the queue every
 * {@link #TICK} while commits keep coming. After {@link #IDLE_TICKS} empty looks it stops; the next offer schedules it
 * again, which is the only wake-up left on a committing thread, once per burst. A mail waits at most one tick longer
 * before its send starts.
 */
final class HandOver<T> {

    static final Duration TICK = Duration.ofMillis(2);

    /** 100 ms without a commit: stop looking (an idle application costs no periodic wake-ups). */
    static final int IDLE_TICKS = 50;

    private static final Logger LOG = Logger.getLogger(HandOver.class.getName());

    private final String mailer;
    private final DispatchThreads threads;
    private final Consumer<T> take;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean collecting = new AtomicBoolean();
    private int idle; // only the collector touches it, one run after the other

    /** @param take runs on a dispatch thread for each entry offered; may use the database, should not block long */
    HandOver(String mailer, DispatchThreads threads, Consumer<T> take) {
        this.mailer = mailer;
        this.threads = threads;
        this.take = take;
    }

    /** On the committing thread: never blocks, and wakes no thread while the collector runs. */
    void offer(T entry) {
        queue.offer(entry);
        if (!collecting.get() && collecting.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        if (!threads.schedule(TICK, this::collect)) {
            collecting.set(false); // closed: close() takes what is left through drain()
        }
    }

    private void collect() {
        boolean found = false;
        for (T entry = queue.poll(); entry != null; entry = queue.poll()) {
            found = true;
            try {
                take.accept(entry);
            } catch (RuntimeException e) {
                // Never out of the collector: it would stop, and every later commit with it. The row is in the
                // table, leased by this node, so the sweeper sends it once the lease has run out.
                LOG.log(Level.WARNING, "Mailer '" + mailer + "': a committed entry was not handed over", e);
            }
        }
        idle = found ? 0 : idle + 1;
        if (idle < IDLE_TICKS) {
            schedule();
            return;
        }
        idle = 0;
        collecting.set(false);
        // An offer between the last poll and the line above saw the collector running and scheduled nothing.
        if (!queue.isEmpty() && collecting.compareAndSet(false, true)) {
            schedule();
        }
    }

    /** What was offered and not taken yet; for close(), once the threads are stopped. */
    List<T> drain() {
        List<T> left = new ArrayList<>();
        for (T entry = queue.poll(); entry != null; entry = queue.poll()) {
            left.add(entry);
        }
        return left;
    }
}
