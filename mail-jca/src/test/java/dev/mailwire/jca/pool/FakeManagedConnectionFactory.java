package dev.mailwire.jca.pool;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.security.auth.Subject;

/**
 * An in-memory factory that records what the pool does to it: connections alive at once (and the peak), validations,
 * matches. Hooks make creation slow or fail and mark connections invalid.
 */
final class FakeManagedConnectionFactory implements ManagedConnectionFactory, ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    final AtomicInteger alive = new AtomicInteger();
    final AtomicInteger peakAlive = new AtomicInteger();
    final AtomicLong created = new AtomicLong();
    final AtomicLong validations = new AtomicLong();
    final AtomicLong matches = new AtomicLong();
    final List<FakeManagedConnection> connections = new CopyOnWriteArrayList<>();

    volatile long createDelayMillis;
    /** When set, the next creations throw this (and it is cleared if {@code failOnce}). */
    final AtomicReference<Exception> createFailure = new AtomicReference<>();

    volatile Predicate<FakeManagedConnection> invalid = mc -> false;

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo cri)
            throws ResourceException {
        Exception failure = createFailure.get();
        if (failure instanceof ResourceException re) {
            throw re;
        }
        if (failure instanceof RuntimeException rte) {
            throw rte;
        }
        if (createDelayMillis > 0) {
            try {
                Thread.sleep(createDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceException("interrupted", e);
            }
        }
        int now = alive.incrementAndGet();
        peakAlive.accumulateAndGet(now, Math::max);
        created.incrementAndGet();
        FakeManagedConnection mc = new FakeManagedConnection(this, cri);
        connections.add(mc);
        return mc;
    }

    @Override
    @SuppressWarnings("rawtypes") // the JCA SPI signature
    public ManagedConnection matchManagedConnections(Set set, Subject subject, ConnectionRequestInfo cri) {
        matches.incrementAndGet();
        for (Object o : set) {
            if (o instanceof FakeManagedConnection mc && Objects.equals(mc.cri, cri)) {
                return mc;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("rawtypes") // the JCA SPI signature
    public Set getInvalidConnections(Set set) {
        Set<Object> bad = new HashSet<>();
        for (Object o : set) {
            validations.incrementAndGet();
            if (o instanceof FakeManagedConnection mc && invalid.test(mc)) {
                bad.add(mc);
            }
        }
        return bad;
    }

    void destroyed(FakeManagedConnection mc) {
        alive.decrementAndGet();
    }

    long destroyedCount() {
        return connections.stream().filter(FakeManagedConnection::isDestroyed).count();
    }

    @Override
    public Object createConnectionFactory(ConnectionManager cm) throws ResourceException {
        throw new NotSupportedException("not needed by the pool");
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new NotSupportedException("not needed by the pool");
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }
}
