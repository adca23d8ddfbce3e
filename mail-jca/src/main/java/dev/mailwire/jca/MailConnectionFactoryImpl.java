package dev.mailwire.jca;

import dev.mailwire.MailerException;
import dev.mailwire.SmtpConnectionException;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import javax.naming.Reference;

/**
 * What the server binds in JNDI (and what the embedded pool hands to the CDI layer). Serializable and
 * Referenceable as JCA 2.1 §17.5.1 requires for JNDI binding.
 */
public class MailConnectionFactoryImpl implements MailConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final MailManagedConnectionFactory mcf;
    private final ConnectionManager connectionManager;
    private Reference reference;

    public MailConnectionFactoryImpl(MailManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    @Override
    public MailConnection getConnection() {
        return allocate(null);
    }

    @Override
    public MailConnection getConnection(MailConnectionSpec spec) {
        return allocate(new MailConnectionRequestInfo(spec));
    }

    /** The connection manager behind this factory: the server's, or the embedded pool. */
    public ConnectionManager connectionManager() {
        return connectionManager;
    }

    private MailConnection allocate(ConnectionRequestInfo cri) {
        try {
            return (MailConnection) connectionManager.allocateConnection(mcf, cri);
        } catch (ResourceException e) {
            MailerException cause = Failures.find(e, MailerException.class);
            if (cause != null) {
                throw cause;
            }
            throw new SmtpConnectionException(
                    mcf.mailer(), JcaMessages.NO_CONNECTION.format(mcf.mailer(), e.getMessage()), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
