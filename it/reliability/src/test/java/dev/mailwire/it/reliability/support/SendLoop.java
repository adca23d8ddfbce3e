package dev.mailwire.it.reliability.support;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callers that send at once (no transaction), as fast as the mailer lets them, for a while: the storm a busy
 * application puts on a throttling server. Counts sends that went through and keeps the failures.
 */
public final class SendLoop {

    private final AtomicInteger sent = new AtomicInteger();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    private SendLoop() {}

    public static SendLoop run(Mailer mailer, int threads, Duration duration) throws InterruptedException {
        SendLoop loop = new SendLoop();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    try {
                        mailer.send(Mail.builder()
                                .to("ada@example.test")
                                .subject("storm " + n)
                                .text("t")
                                .build());
                        loop.sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        loop.failures.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        return loop;
    }

    public int sent() {
        return sent.get();
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }
}
