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
import java.util.function.Consumer;

/**
 * A steady load of transactional sends: {@code threads} senders, each committing one mail per transaction with a
 * short pause between, until {@link #stop()}. Keeps the Message-ID of every committed mail and every exception.
 */
public final class TransactionalLoad implements AutoCloseable {

    private final Mailer mailer;
    private final String to;
    private final Duration pause;
    private final Consumer<String> onCommit;
    private final ExecutorService threads;
    private final Queue<String> committed = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private TransactionalLoad(Mailer mailer, String to, int threads, Duration pause, Consumer<String> onCommit) {
        this.mailer = mailer;
        this.to = to;
        this.pause = pause;
        this.onCommit = onCommit;
        this.threads = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            int sender = i;
            this.threads.execute(() -> run(sender));
        }
    }

    public static TransactionalLoad start(Mailer mailer, String to, int threads, Duration pause) {
        return new TransactionalLoad(mailer, to, threads, pause, id -> {});
    }

    /** @param onCommit told each Message-ID right after its transaction committed */
    public static TransactionalLoad start(
            Mailer mailer, String to, int threads, Duration pause, Consumer<String> onCommit) {
        return new TransactionalLoad(mailer, to, threads, pause, onCommit);
    }

    private void run(int sender) {
        for (int n = 0; running; n++) {
            Mail mail = Mail.builder()
                    .to(to)
                    .subject("load " + sender + "-" + n)
                    .text("steady load, sender " + sender + ", mail " + n + "\n")
                    .build();
            try {
                String id = Jta.inTransaction(() -> mailer.send(mail)).messageId();
                committed.add(id);
                onCommit.accept(id);
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures.add(e);
            }
        }
    }

    /** Stops the senders (each finishes its transaction) and waits for them. */
    public void stop() throws InterruptedException {
        running = false;
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    /** Stops the senders if {@link #stop()} was not called (a failed test). */
    @Override
    public void close() {
        if (running) {
            try {
                stop();
            } catch (InterruptedException e) {
                threads.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    public List<String> committed() {
        return List.copyOf(committed);
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }
}
