package dev.mailwire.jca.pool;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/**
 * A managed connection with no network: it fires the JCA events its handle asks for and counts what the pool
 * calls. {@code handedOut} catches a connection given to two callers at once.
 */
final class FakeManagedConnection implements ManagedConnection, MessageCounter {

    final FakeManagedConnectionFactory factory;
    final ConnectionRequestInfo cri;
    final AtomicLong messages = new AtomicLong();
    final AtomicInteger cleanups = new AtomicInteger();
    final AtomicInteger destroys = new AtomicInteger();
    final AtomicBoolean handedOut = new AtomicBoolean();
    /** Set when the pool handed this connection to a second caller while the first still had it. */
    final AtomicBoolean sharedAtOnce = new AtomicBoolean();

    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();

    FakeManagedConnection(FakeManagedConnectionFactory factory, ConnectionRequestInfo cri) {
        this.factory = factory;
        this.cri = cri;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo requested) throws ResourceException {
        if (isDestroyed()) {
            throw new ResourceException("destroyed");
        }
        if (!handedOut.compareAndSet(false, true)) {
            sharedAtOnce.set(true);
        }
        return new FakeConnection(this, requested);
    }

    boolean isDestroyed() {
        return destroys.get() > 0;
    }

    void fire(int type, FakeConnection handle) {
        ConnectionEvent event = new ConnectionEvent(this, type);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> {
            if (type == ConnectionEvent.CONNECTION_CLOSED) {
                l.connectionClosed(event);
            } else {
                l.connectionErrorOccurred(event);
            }
        });
    }

    @Override
    public void cleanup() {
        cleanups.incrementAndGet();
        handedOut.set(false);
    }

    @Override
    public void destroy() {
        if (destroys.getAndIncrement() == 0) {
            handedOut.set(false);
            factory.destroyed(this);
        }
    }

    @Override
    public long messagesSent() {
        return messages.get();
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        throw new NotSupportedException("not needed by the pool");
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("no XA");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("no local transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        throw new NotSupportedException("not needed by the pool");
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }
}
