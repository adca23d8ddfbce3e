package dev.mailwire.cdi;

import dev.mailwire.Mailer;
import dev.mailwire.MailerConfigurationException;
import dev.mailwire.MailerName;
import dev.mailwire.cdi.internal.Messages;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.config.MailerNames;
import dev.mailwire.cdi.internal.send.ConfiguredMailer;
import dev.mailwire.cdi.internal.send.MailerAssembly;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The registry of the application's mailers, by name: each one injected with {@code @MailerName} or configured under
 * {@code mailwire.mailer.<name>.*}, and the default mailer ({@link Mailer#DEFAULT_NAME}) when it is injected or
 * configured. {@code @Inject Mailer} and {@code mailers.mailer(name)} give the same instance. A mailer is started
 * (its pool created) on first use and closed when the application stops.
 *
 * <p>Beyond the specifications: a Mailwire API.
 */
@ApplicationScoped
public class Mailers {

    private static final Logger LOG = Logger.getLogger(Mailers.class.getName());
    private static final TypeLiteral<Supplier<String>> TOKEN_SUPPLIER = new TypeLiteral<>() {};

    private final Map<String, ConfiguredMailer> started = new ConcurrentHashMap<>();

    @Inject
    MailExtension extension;

    @Inject
    MockMailbox mailbox;

    @Inject
    Instance<Object> beans;

    /**
     * The mailer called {@code name}; {@link Mailer#DEFAULT_NAME} for the default one.
     *
     * @throws MailerConfigurationException if no mailer has that name
     */
    public Mailer mailer(String name) {
        String key = MailerNames.isDefault(name) ? Mailer.DEFAULT_NAME : name;
        MailerDefinition definition = extension.definition(key);
        if (definition == null) {
            throw new MailerConfigurationException(
                    key,
                    MailerKey.HOST.propertyName(key),
                    Messages.UNKNOWN_MAILER.format(key, names(), key, MailerKey.propertyPrefix(key)));
        }
        return started.computeIfAbsent(key, n -> MailerAssembly.assemble(definition, mailbox, tokens(n)));
    }

    /** The default mailer. */
    public Mailer defaultMailer() {
        return mailer(Mailer.DEFAULT_NAME);
    }

    /** The names of all mailers, the default one included when it exists. */
    public Set<String> names() {
        return extension.names();
    }

    /** The XOAUTH2 token source: a {@code Supplier<String>} bean qualified with the mailer's name, if any. */
    private Supplier<String> tokens(String name) {
        Instance<Supplier<String>> supplier = beans.select(TOKEN_SUPPLIER, MailerName.Literal.of(name));
        if (!supplier.isResolvable()) {
            return null;
        }
        // Asked at each connect, through the contextual reference: tokens expire and beans may be refreshed.
        Supplier<String> bean = supplier.get();
        return bean::get;
    }

    @PreDestroy
    void close() {
        started.values().forEach(m -> {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, Messages.CLOSE_FAILED.format(m.name(), e), e);
            }
        });
        started.clear();
    }
}
