package dev.mailwire.jca;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * Mailwire's resource adapter: outbound only. It owns the one thread that enforces deadlines for every connection
 * of the adapter, started with the adapter and stopped with it, so an undeploy leaves no thread behind. Its start
 * logs which Angus Mail the adapter runs on, and refuses one without the CVE-2025-7962 fix ({@link AngusMailCheck}).
 */
public class MailResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(MailResourceAdapter.class.getName());

    private volatile DeadlineTimer timer;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        AngusMailCheck.atStart();
        timer = new DeadlineTimer("mailwire-deadlines");
        LOG.fine("Mailwire resource adapter started");
    }

    @Override
    public void stop() {
        DeadlineTimer t = timer;
        timer = null;
        if (t != null) {
            t.close();
        }
        LOG.fine("Mailwire resource adapter stopped");
    }

    DeadlineTimer timer() {
        return timer;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException(JcaMessages.NO_INBOUND.format());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // outbound only: nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** The adapter has no config properties, so every instance is equal (the connector spec asks for equals). */
    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return MailResourceAdapter.class.hashCode();
    }
}
