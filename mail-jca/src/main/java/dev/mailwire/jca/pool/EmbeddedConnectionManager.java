package dev.mailwire.jca.pool;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * A JCA {@link ConnectionManager} with its own pool, for running without an application server. In WildFly or
 * Payara the server's connection manager and pool are used instead: never both.
 *
 * <p>It works with any {@link ManagedConnectionFactory} and uses two optional hooks: a factory that implements
 * {@link jakarta.resource.spi.ValidatingManagedConnectionFactory} has connections idle for longer than {@link
 * PoolSettings#validateAfterIdle()} validated before reuse, and a connection that implements {@link MessageCounter}
 * is retired after {@link PoolSettings#maxMessagesPerConnection()} messages. Connections are kept apart by their
 * {@link ConnectionRequestInfo} (null being the factory's own identity), and the factory's {@code
 * matchManagedConnections} confirms each reuse. A connection reporting {@code CONNECTION_ERROR_OCCURRED} is
 * destroyed; one whose handle is closed is cleaned up and kept.
 *
 * <p>Thread-safe; no global lock on the send path. A handle may be closed on any thread. Serializable only because
 * {@link ConnectionManager} is: a deserialized copy refuses to allocate.
 */
public final class EmbeddedConnectionManager implements ConnectionManager, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final transient ConnectionPool pool;
    private final transient Allocator allocator;

    /** Creates the pool and starts its evictor thread; connections open on demand (and up to {@code minIdle}). */
    public EmbeddedConnectionManager(ManagedConnectionFactory mcf, PoolSettings settings) {
        this.pool =
                new ConnectionPool(Objects.requireNonNull(mcf, "mcf"), Objects.requireNonNull(settings, "settings"));
        this.allocator = new Allocator(pool);
    }

    /**
     * A connection handle from a pooled managed connection of the identity {@code cri} stands for.
     *
     * @param mcf the factory this manager was created with (or an equal one)
     * @param cri the requested identity and settings; null for the factory's own
     * @throws ResourceException as thrown by the factory or connection, unchanged
     * @throws dev.mailwire.PoolExhaustedException when no connection came free within {@code pool.acquire-timeout}
     * @throws dev.mailwire.MailerException when the pool is closed, or the factory's own failure (connect, TLS,
     *     AUTH) unchanged
     * @throws IllegalArgumentException for a factory other than this manager's
     */
    @Override
    public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) throws ResourceException {
        ConnectionPool p = pool();
        if (mcf != p.mcf && !p.mcf.equals(mcf)) {
            throw PoolMessages.foreignFactory(p.mailer());
        }
        return allocator.allocate(cri);
    }

    /** How many identities the idle connections are kept apart for right now (each key holds a password). */
    int idleQueues() {
        return pool().idle.queues();
    }

    /**
     * Whether an allocation now would have to wait for a connection to come back: all {@code pool.max-size} are
     * checked out. A hint (it may change at once), for callers that can do better than wait.
     */
    public boolean wouldWait() {
        return pool().permits.availablePermits() == 0;
    }

    /** Whether some caller is waiting right now in this pool for a connection to come back. A hint, as above. */
    public boolean hasWaiters() {
        return pool().permits.hasQueuedThreads();
    }

    /**
     * The error an allocation throws after waiting {@code pool.acquire-timeout} in vain, for a caller that waited
     * for a connection in another way (counted as a timeout of this pool).
     */
    public dev.mailwire.PoolExhaustedException exhausted() {
        ConnectionPool p = pool();
        p.counters.timeouts.increment();
        return PoolMessages.exhausted(p.settings);
    }

    /** A snapshot of the pool's gauges and counters. */
    public PoolStats stats() {
        return pool().stats();
    }

    /** The settings this pool was created with. */
    public PoolSettings settings() {
        return pool().settings;
    }

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        return pool == null || pool.isClosed();
    }

    /**
     * Closes the pool, waiting up to {@code pool.acquire-timeout} for connections in use to come back: a send that
     * has to wait for a connection would not wait longer either. See {@link #close(Duration)}.
     */
    @Override
    public void close() {
        if (pool != null) {
            close(pool.settings.acquireTimeout());
        }
    }

    /**
     * Stops handing out connections (later allocations fail with "pool closed", and so do callers waiting now),
     * destroys idle connections at once and the others as they come back, or when {@code drain} has passed, then
     * stops the evictor thread. Idempotent.
     */
    public void close(Duration drain) {
        Objects.requireNonNull(drain, "drain");
        if (pool != null) {
            pool.close(drain);
        }
    }

    private ConnectionPool pool() {
        if (pool == null) {
            throw PoolMessages.deserialized();
        }
        return pool;
    }

    @Override
    public String toString() {
        return pool == null
                ? "EmbeddedConnectionManager[deserialized]"
                : "EmbeddedConnectionManager[" + pool.mailer() + ", " + pool.stats() + "]";
    }
}
