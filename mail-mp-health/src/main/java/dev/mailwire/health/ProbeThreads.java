package dev.mailwire.health;

import dev.mailwire.cdi.internal.ContainerThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where probes run, so that a readiness call returns within {@code mailwire.health.timeout} even when a probe hangs on a
 * server that never answers: a fixed set of threads, one per mailer (at most one probe per mailer runs at a time), all
 * made when the application starts and stopped when it stops.
 *
 * <p>In an application server the threads come from its default managed thread factory (Jakarta Concurrency, which
 * every Jakarta EE server has), asked on the application's thread at startup, so they carry the application's context (JNDI, class
 * loader). Not the managed executor: it captures the context of the thread that <em>submits</em> a task, and readiness
 * submits from the server's health endpoint. Payara serves {@code /health} from its own {@code __default-web-module}
 * and refuses to set that module's context up on the worker ({@code AbortedException: Module __default-web-module is
 * disabled}); the executor records that in a future nobody holds, so the probe never ran and every mailer stayed DOWN
 * ({@code timeout}). No thread is ever made on a caller's thread here. Embedded, plain daemon threads.
 *
 * <p>A probe that cannot be handed to a running thread is refused at once ({@link RejectedExecutionException}, which
 * readiness reports as {@code MWHEALTH-109}), never queued where nothing takes it.
 */
final class ProbeThreads implements Executor, AutoCloseable {

    static final String NAME = "mailwire-health-probe-";

    /** How long {@link #start} waits for its threads to run: they start in microseconds unless the server fails them. */
    private static final long START_WAIT_MS = 2_000;

    private static final Logger LOG = Logger.getLogger(ProbeThreads.class.getName());

    private final BlockingQueue<Runnable> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final CountDownLatch started;
    private volatile boolean closed;

    private ProbeThreads(int size) {
        this.queue = new LinkedBlockingQueue<>(size);
        this.started = new CountDownLatch(size);
    }

    /**
     * Makes {@code size} threads now, from the server's managed thread factory or as daemons of our own
     * ({@link ContainerThreads}): call it on a thread of the application (at startup), not a health thread.
     */
    static ProbeThreads create(int size) {
        return start(ContainerThreads.threadFactory("mailwire-health-probe"), size);
    }

    /** {@code size} threads of {@code factory}, started before this returns. */
    static ProbeThreads start(ThreadFactory factory, int size) {
        int n = Math.max(1, size);
        ProbeThreads p = new ProbeThreads(n);
        for (int i = 1; i <= n; i++) {
            Thread t = factory.newThread(p::work);
            if (t == null) {
                p.close();
                throw new IllegalStateException(factory + " returned no thread");
            }
            rename(t, NAME + i);
            p.threads.add(t);
        }
        p.threads.forEach(Thread::start);
        try {
            if (!p.started.await(START_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warning(HealthMessages.PROBE_THREADS_NOT_RUNNING.format(
                        p.running.get(),
                        p.threads.size(),
                        p.threads.get(0).getClass().getName(),
                        START_WAIT_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return p;
    }

    private void work() {
        running.incrementAndGet();
        started.countDown();
        try {
            while (!closed) {
                Runnable task = queue.take();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // A probe catches what it meets; this thread must outlive a bug in one.
                    LOG.log(Level.WARNING, "A health probe failed", e);
                }
            }
        } catch (InterruptedException e) {
            // close(): the application stops
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new RejectedExecutionException("the application is stopping");
        }
        if (running.get() == 0) {
            throw new RejectedExecutionException(notRunning());
        }
        if (!queue.offer(task)) {
            throw new RejectedExecutionException("all " + threads.size() + " probe threads are busy");
        }
    }

    /** False when its threads are gone while the application runs: liveness reports that. */
    boolean usable() {
        return !closed && running.get() > 0;
    }

    /** Stops the threads: an idle one at once, one in a probe when the probe ends (the mailer's own timeouts). */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String notRunning() {
        return "none of the " + threads.size() + " probe threads runs ("
                + threads.get(0).getClass().getName() + ", see " + HealthMessages.PROBE_THREADS_NOT_RUNNING.id() + ")";
    }

    private static void rename(Thread t, String name) {
        try {
            t.setName(name);
        } catch (SecurityException e) {
            // the server's name stays; only thread dumps read it
        }
    }
}
