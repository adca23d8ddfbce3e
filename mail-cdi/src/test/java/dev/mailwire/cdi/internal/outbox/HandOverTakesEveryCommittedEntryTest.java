package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over from afterCompletion to the dispatcher never runs the dispatcher's work on the committing thread,
 * and loses no entry: not in a burst, not when the collector is about to stop after an idle spell (the race between
 * its last look and a new commit), not at close (what was not taken is returned for release).
 */
@Timeout(60)
class HandOverTakesEveryCommittedEntryTest {

    @Test
    void everyEntryIsTakenOnceOnADispatchThread() throws Exception {
        Map<Integer, AtomicInteger> taken = new ConcurrentHashMap<>();
        Set<String> takenOn = ConcurrentHashMap.newKeySet();
        Set<String> offeredOn = ConcurrentHashMap.newKeySet();
        try (DispatchThreads threads = DispatchThreads.create("handover", 2)) {
            HandOver<Integer> handOver = new HandOver<>("handover", threads, n -> {
                takenOn.add(Thread.currentThread().getName());
                taken.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            });
            AtomicInteger next = new AtomicInteger();
            List<Thread> committers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread c = new Thread(() -> {
                    offeredOn.add(Thread.currentThread().getName());
                    for (int i = 0; i < 400; i++) {
                        handOver.offer(next.getAndIncrement());
                        pause(i);
                    }
                });
                c.start();
                committers.add(c);
            }
            for (Thread c : committers) {
                c.join();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (taken.size() < next.get() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(taken).hasSize(1600);
        assertThat(taken.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(takenOn).doesNotContainAnyElementsOf(offeredOn).allMatch(n -> n.startsWith("mailwire-outbox-"));
    }

    @Test
    void whatIsNotTakenAtCloseIsReturned() {
        DispatchThreads threads = DispatchThreads.create("handover-closed", 1);
        List<Integer> taken = new ArrayList<>();
        HandOver<Integer> handOver = new HandOver<>("handover-closed", threads, taken::add);
        threads.close();
        handOver.offer(1);
        handOver.offer(2);
        assertThat(handOver.drain()).containsExactly(1, 2);
        assertThat(taken).isEmpty();
    }

    /** Mostly back to back; now and then longer than the collector's idle stop, so it stops and is woken again. */
    private static void pause(int i) {
        try {
            if (i % 100 == 99) {
                Thread.sleep(HandOver.TICK.toMillis() * HandOver.IDLE_TICKS + 30);
            } else if (i % 7 == 0) {
                Thread.sleep(HandOver.TICK.toMillis() * (i % 3));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
