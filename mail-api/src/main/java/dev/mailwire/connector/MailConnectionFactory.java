package dev.mailwire.connector;

import dev.mailwire.MailerException;
import jakarta.resource.Referenceable;
import java.io.Serializable;

/**
 * The client view of Mailwire's resource adapter: bound in JNDI by the application server (or created by the
 * embedded pool), it hands out {@link MailConnection}s backed by pooled, authenticated SMTP connections.
 *
 * <p>Serializable and Referenceable because application servers bind it in JNDI (JCA 2.1 §17.5.1).
 */
public interface MailConnectionFactory extends Serializable, Referenceable {

    /**
     * A connection as the connection factory's own settings define it.
     *
     * @throws MailerException when no connection can be had (see its subtypes), never a checked exception
     */
    MailConnection getConnection();

    /**
     * A connection authenticated as the identity in {@code spec}. Connections are matched on identity: one
     * authenticated as one user is never handed to another.
     */
    MailConnection getConnection(MailConnectionSpec spec);
}
