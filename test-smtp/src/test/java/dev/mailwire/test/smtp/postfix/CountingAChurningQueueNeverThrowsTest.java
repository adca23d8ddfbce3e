package dev.mailwire.test.smtp.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the bench counted Postfix's queue while Postfix moved and deleted the files in it, and a file listed a
 * moment before was gone when its attributes were read ({@code NoSuchFileException} inside an
 * {@code UncheckedIOException}). Here one thread does what the queue manager does, thousands of times (a file
 * created in {@code incoming/}, moved to {@code active/}, deferred into a hashed sub-directory made for it, deleted,
 * the sub-directory removed), while this thread counts the tree over and over: no count may throw, and none may
 * lose the files that stay put.
 */
class CountingAChurningQueueNeverThrowsTest {

    private static final int STABLE_FILES = 20;
    /** Rounds aimed at, of counting and of churning each; the old walk threw within a hundred. */
    private static final int ROUNDS = 3_000;

    /** Fewer within the time bound fails the test: the race was not exercised enough to prove anything. */
    private static final int MIN_ROUNDS = 2_000;

    /** A cycle costs about 1 ms on an idle disk, 3 ms on this machine at load 15. */
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path queue;

    @Test
    @Timeout(90)
    void everyCountSeesTheFilesThatStayAndNoneThrows() throws Exception {
        Path incoming = Files.createDirectories(queue.resolve("incoming"));
        Path active = Files.createDirectories(queue.resolve("active"));
        Path deferred = Files.createDirectories(queue.resolve("deferred"));
        for (int i = 0; i < STABLE_FILES; i++) {
            Files.writeString(active.resolve("STABLE" + i), "queued");
        }
        AtomicLong cycles = new AtomicLong();
        AtomicReference<Throwable> churnFailure = new AtomicReference<>();
        Thread churn = new Thread(() -> churn(incoming, active, deferred, cycles, churnFailure), "queue-churn");
        churn.start();
        long counts = 0;
        long deadline = System.nanoTime() + BUDGET_NANOS;
        try {
            while ((counts < ROUNDS || cycles.get() < ROUNDS) && System.nanoTime() < deadline) {
                int seen = LiveDirectory.count(queue);
                // A walk is no snapshot: the one file in flight can be met once in each of the three directories
                // that hold it in turn, or never; the stable files are always met.
                assertThat(seen).as("count %d", counts).isBetween(STABLE_FILES, STABLE_FILES + 3);
                counts++;
            }
        } finally {
            churn.interrupt();
            churn.join();
        }
        assertThat(churnFailure.get()).as("the churn thread itself").isNull();
        assertThat(counts).as("counts made").isGreaterThanOrEqualTo(MIN_ROUNDS);
        assertThat(cycles.get()).as("files moved through the queue").isGreaterThanOrEqualTo(MIN_ROUNDS);
    }

    /** Postfix's path for one message, minus the delivery: incoming → active → deferred/X/ → gone. */
    private static void churn(
            Path incoming, Path active, Path deferred, AtomicLong cycles, AtomicReference<Throwable> failure) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long n = cycles.get();
                String id = "Q" + n;
                Path file = Files.writeString(incoming.resolve(id), "message " + n);
                file = Files.move(file, active.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                Path hashed = Files.createDirectories(deferred.resolve(Long.toHexString(n % 16)));
                file = Files.move(file, hashed.resolve(id), StandardCopyOption.ATOMIC_MOVE);
                Files.delete(file);
                Files.delete(hashed);
                cycles.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            failure.set(e);
        }
    }
}
