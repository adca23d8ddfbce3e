package dev.mailwire.health;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where probes run, so that a readiness call returns within {@code mailwire.health.timeout} even when a probe hangs on a
 * server that never answers. In an application server, its default managed executor (Jakarta Concurrency: no
 * unmanaged threads there, and the server's JNDI context comes along); embedded, daemon threads of its own. At most
 * one probe per mailer runs at a time, so the threads are bounded by the number of mailers.
 */
final class ProbeThreads implements Executor, AutoCloseable {

    /** Jakarta Concurrency 3.0 §3.1.4.1. */
    static final String MANAGED = "java:comp/DefaultManagedExecutorService";

    private static final Logger LOG = Logger.getLogger(ProbeThreads.class.getName());

    private final Executor executor;
    private final ExecutorService owned;

    private ProbeThreads(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /** Looks the managed executor up now: call it on a thread of the application (at startup), not a health thread. */
    static ProbeThreads create() {
        try {
            return new ProbeThreads((Executor) new InitialContext().lookup(MANAGED), null);
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "No managed executor in JNDI; health probes use threads of their own", e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService own = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mailwire-health-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new ProbeThreads(own, own);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** False when its own threads were shut down while the application runs: liveness reports that. */
    boolean usable() {
        return owned == null || !owned.isShutdown();
    }

    /** Stops its own threads (a probe blocked on a socket ends with the mailer's own timeouts); a server's are its. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
