package dev.mailwire.jca.pool;

import dev.mailwire.jca.JcaMessages;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pool's ear on one managed connection. One listener per connection, so an event needs no lookup; the pool's
 * state machine makes a duplicate or late event harmless. Never throws back into the connection that fired it.
 */
final class PoolListener implements ConnectionEventListener {

    private static final Logger LOG = Logger.getLogger(PoolListener.class.getPackageName());

    private final ConnectionPool pool;
    private final PooledConnection pc;

    PoolListener(ConnectionPool pool, PooledConnection pc) {
        this.pool = pool;
        this.pc = pc;
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        try {
            pool.returned(pc);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> JcaMessages.RETURN_FAILED.format(pool.mailer(), pc));
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        try {
            pool.failed(pc);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> JcaMessages.DISCARD_FAILED.format(pool.mailer(), pc));
        }
    }

    // Local transactions: an SMTP send is not transactional; the embedded pool does not enlist connections.

    @Override
    public void localTransactionStarted(ConnectionEvent event) {}

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {}

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {}
}
