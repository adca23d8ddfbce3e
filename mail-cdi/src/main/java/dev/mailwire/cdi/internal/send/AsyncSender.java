package dev.mailwire.cdi.internal.send;

import dev.mailwire.MailerException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs {@code sendAsync} work. In an application server, on its default managed executor (Jakarta Concurrency: the
 * server owns the threads and propagates contexts; unmanaged threads are not allowed there). Embedded, on a small
 * executor of this mailer's own whose queue is bounded, so a burst of sends pushes back instead of piling up mails
 * in memory.
 */
public final class AsyncSender implements AutoCloseable {

    /** Jakarta EE's default managed executor (Jakarta Concurrency 3.0 §3.1.4.1). */
    static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    /** How long shutdown waits for queued sends; a server stops undeploying an application after about a minute. */
    private static final int DRAIN_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(AsyncSender.class.getName());

    private final String mailer;
    private final ExecutorService executor;
    private final boolean owned;
    private final int queueSize;

    private AsyncSender(String mailer, ExecutorService executor, boolean owned, int queueSize) {
        this.mailer = mailer;
        this.executor = executor;
        this.owned = owned;
        this.queueSize = queueSize;
    }

    /** The server's managed executor if JNDI has one, else an own executor of {@code threads} and a bounded queue. */
    static AsyncSender create(String mailer, int threads, int queueSize) {
        ExecutorService managed = lookupManaged();
        if (managed != null) {
            return new AsyncSender(mailer, managed, false, queueSize);
        }
        return bounded(mailer, threads, queueSize);
    }

    public static AsyncSender bounded(String mailer, int threads, int queueSize) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, "mailwire-async-" + mailer + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return new AsyncSender(mailer, executor, true, queueSize);
    }

    /**
     * Runs {@code task}; its result or its exception (unwrapped) completes the stage. A full queue completes the
     * stage at once with a {@link MailerException} that says so.
     */
    public <T> CompletionStage<T> submit(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new MailerException(
                    mailer,
                    Messages.ASYNC_QUEUE_FULL.format(
                            mailer, queueSize, MailerKey.ASYNC_QUEUE_SIZE.propertyName(mailer)),
                    e));
        }
        return result;
    }

    /** Lets queued sends finish for a bounded time; the server's executor is the server's to stop. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning(Messages.ASYNC_INTERRUPTED.format(mailer, DRAIN_SECONDS));
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService lookupManaged() {
        try {
            // Typed as ExecutorService: the Concurrency API need not be on an embedded class path.
            return (ExecutorService) new InitialContext().lookup(MANAGED_EXECUTOR);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "No managed executor in JNDI; sendAsync uses a bounded executor of its own", e);
            return null;
        }
    }
}
