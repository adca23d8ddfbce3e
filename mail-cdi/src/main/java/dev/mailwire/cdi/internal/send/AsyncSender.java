package dev.mailwire.cdi.internal.send;

import dev.mailwire.MailerException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.ContainerThreads;
import dev.mailwire.cdi.internal.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs {@code sendAsync} work. In an application server, on its default managed executor (the server owns the threads
 * and propagates contexts). Embedded, on a small executor of this mailer's own whose queue is bounded, so a burst of
 * sends pushes back instead of piling up mails in memory. {@link ContainerThreads} makes that choice.
 */
public final class AsyncSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AsyncSender.class.getName());

    private final String mailer;
    private final ContainerThreads<ExecutorService> threads;
    private final int queueSize;

    private AsyncSender(String mailer, ContainerThreads<ExecutorService> threads, int queueSize) {
        this.mailer = mailer;
        this.threads = threads;
        this.queueSize = queueSize;
    }

    /** The server's managed executor if JNDI has one, else an own executor of {@code threads} and a bounded queue. */
    public static AsyncSender create(String mailer, int threads, int queueSize) {
        return new AsyncSender(
                mailer, ContainerThreads.executor("mailwire-async-" + mailer, threads, queueSize), queueSize);
    }

    /**
     * Runs {@code task}; its result or its exception (unwrapped) completes the stage. A full queue completes the
     * stage at once with a {@link MailerException} that says so.
     */
    public <T> CompletionStage<T> submit(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            threads.executor().execute(() -> {
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
        if (!threads.close(ContainerThreads.GRACE)) {
            LOG.warning(Messages.ASYNC_INTERRUPTED.format(mailer, ContainerThreads.GRACE.toSeconds()));
        }
    }
}
