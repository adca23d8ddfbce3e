package dev.mailwire.cdi.internal.send;

import dev.mailwire.MailerConfigurationException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.connector.MailConnectionFactory;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** Looks up the resource adapter's connection factory that a server binds for {@code connection-factory}. */
public final class Jndi {

    private Jndi() {}

    /** Why {@code name} does not give a connection factory, or empty when it does. */
    public static Optional<String> problem(String name) {
        try {
            lookup(name);
            return Optional.empty();
        } catch (NamingException | ClassCastException e) {
            return Optional.of(e.toString());
        }
    }

    /** The connection factory bound at {@code name}; a failure names the mailer and the key. */
    static MailConnectionFactory connectionFactory(String mailer, String name) {
        try {
            return lookup(name);
        } catch (NamingException | ClassCastException e) {
            String key = MailerKey.CONNECTION_FACTORY.propertyName(mailer);
            throw new MailerConfigurationException(
                    mailer, key, Messages.CONNECTION_FACTORY_NOT_FOUND.format(mailer, key, name, e.toString()));
        }
    }

    private static MailConnectionFactory lookup(String name) throws NamingException {
        Object found = new InitialContext().lookup(name);
        if (!(found instanceof MailConnectionFactory factory)) {
            // Also what a WAR that bundles its own mailwire-api sees: the RAR's interface is another class.
            throw new ClassCastException(name + " holds a "
                    + (found == null ? "null" : found.getClass().getName())
                    + ", not a dev.mailwire.connector.MailConnectionFactory visible to this application");
        }
        return factory;
    }
}
