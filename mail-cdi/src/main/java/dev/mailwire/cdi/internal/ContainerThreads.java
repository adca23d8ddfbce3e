package dev.mailwire.cdi.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The one owner of "the container's managed threads if it has them, threads of our own otherwise", for every thread
 * Mailwire runs work on ({@code sendAsync}, the outbox's dispatcher, the health probes). In an application server the
 * threads come from Jakarta Concurrency's defaults in JNDI: a server forbids unmanaged threads, gives its own the
 * application's context, and stops them itself, so {@link #close} leaves them alone. Without them (Weld SE, a plain
 * JVM) the threads are daemons of our own, named after their use for thread dumps, that {@link #close} stops.
 *
 * <p>Managed objects are typed as the {@code java.util.concurrent} interfaces they extend, so this class loads where
 * the Concurrency API is absent.
 *
 * @param <E> the kind of executor
 */
public final class ContainerThreads<E extends ExecutorService> implements AutoCloseable {

    /** Jakarta Concurrency 3.0 §3.1.4.1. */
    public static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    /** Jakarta Concurrency 3.0 §3.2.4.1. */
    public static final String MANAGED_SCHEDULED_EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

    /** Jakarta Concurrency: the default managed thread factory every Jakarta EE server binds. */
    public static final String MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    /** How long {@link #close()} waits for running work; a server stops undeploying after about a minute. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ContainerThreads.class.getName());

    private final E executor;
    private final boolean managed;

    private ContainerThreads(E executor, boolean managed) {
        this.executor = executor;
        this.managed = managed;
    }

    /**
     * The managed executor, else {@code threads} threads named {@code name-n} with a queue of {@code queueSize}: work
     * beyond it is rejected ({@code RejectedExecutionException}) rather than piled up in memory.
     */
    public static ContainerThreads<ExecutorService> executor(String name, int threads, int queueSize) {
        ExecutorService server = lookup(MANAGED_EXECUTOR, ExecutorService.class);
        if (server != null) {
            return new ContainerThreads<>(server, true);
        }
        ThreadPoolExecutor own = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize), daemons(name));
        own.allowCoreThreadTimeOut(true);
        return new ContainerThreads<>(own, false);
    }

    /** The managed scheduled executor, else {@code threads} threads named {@code name-n}. */
    public static ContainerThreads<ScheduledExecutorService> scheduled(String name, int threads) {
        ScheduledExecutorService server = lookup(MANAGED_SCHEDULED_EXECUTOR, ScheduledExecutorService.class);
        if (server != null) {
            return new ContainerThreads<>(server, true);
        }
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(threads, daemons(name));
        own.setRemoveOnCancelPolicy(true);
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new ContainerThreads<>(own, false);
    }

    /**
     * The managed thread factory, else one of daemon threads named {@code name-n}. A managed factory gives a thread the
     * context of the thread that asks for it, so ask on an application thread. When it makes no thread (the server
     * refuses), a daemon thread of our own is made instead, and that is logged.
     */
    public static ThreadFactory threadFactory(String name) {
        ThreadFactory own = daemons(name);
        ThreadFactory server = lookup(MANAGED_THREAD_FACTORY, ThreadFactory.class);
        if (server == null) {
            return own;
        }
        return task -> {
            try {
                Thread t = server.newThread(task);
                if (t != null) {
                    return t;
                }
                LOG.warning(() -> "The managed thread factory made no thread; " + name + " uses a thread of its own");
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "The managed thread factory failed; " + name + " uses a thread of its own");
            }
            return own.newThread(task);
        };
    }

    public E executor() {
        return executor;
    }

    /** Whether the threads are the container's. */
    public boolean managed() {
        return managed;
    }

    /**
     * Whether our own threads have been shut down. A server's executor is never asked: Jakarta Concurrency has its
     * lifecycle methods throw {@code IllegalStateException}.
     */
    public boolean shutDown() {
        return !managed && executor.isShutdown();
    }

    /**
     * Our own threads take no more work and get {@code grace} to finish what runs, then are interrupted; the
     * container's are the container's to stop.
     *
     * @return false if work was still running after {@code grace}
     */
    public boolean close(Duration grace) {
        if (managed) {
            return true;
        }
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return false;
    }

    /** {@link #close(Duration)} with {@link #GRACE}. */
    @Override
    public void close() {
        close(GRACE);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static <T> T lookup(String jndiName, Class<T> type) {
        try {
            InitialContext context = new InitialContext();
            try {
                Object found = context.lookup(jndiName);
                if (type.isInstance(found)) {
                    return type.cast(found);
                }
            } finally {
                context.close();
            }
        } catch (NamingException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, e, () -> "No " + jndiName + " in JNDI; Mailwire uses threads of its own");
        }
        return null;
    }
}
