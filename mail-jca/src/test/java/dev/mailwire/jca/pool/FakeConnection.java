package dev.mailwire.jca.pool;

import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionRequestInfo;

/** The application's handle: "sends", closes (CONNECTION_CLOSED) or breaks (CONNECTION_ERROR_OCCURRED). */
final class FakeConnection {

    final FakeManagedConnection mc;
    final ConnectionRequestInfo requested;

    FakeConnection(FakeManagedConnection mc, ConnectionRequestInfo requested) {
        this.mc = mc;
        this.requested = requested;
    }

    void send() {
        mc.messages.incrementAndGet();
    }

    void close() {
        mc.fire(ConnectionEvent.CONNECTION_CLOSED, this);
    }

    void fail() {
        mc.fire(ConnectionEvent.CONNECTION_ERROR_OCCURRED, this);
    }
}
