package dev.mailwire.cdi;

import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import java.util.function.Supplier;

/** Builds the running mailer from a checked definition: its delivery, its executor, its renderer. */
final class MailerAssembly {

    /** Threads for {@code sendAsync} when the pool size does not bound them (mock mode, a server's pool). */
    private static final int DEFAULT_ASYNC_THREADS = 2;

    private MailerAssembly() {}

    /**
     * @param tokens the XOAUTH2 token supplier, or null
     */
    static ConfiguredMailer assemble(MailerDefinition d, MockMailbox mailbox, Supplier<String> tokens) {
        Delivery delivery = TransactionalAssembly.decorate(d, delivery(d, mailbox, tokens));
        // More async threads than pooled connections would only wait for a connection.
        int threads = d.pool() == null ? DEFAULT_ASYNC_THREADS : d.pool().maxSize();
        try {
            AsyncSender async = AsyncSender.create(d.name(), threads, d.asyncQueueSize());
            return new ConfiguredMailer(
                    d.name(), Rendering.renderer(d), d.guard(), d.maxMessageSize(), delivery, async);
        } catch (RuntimeException | Error e) {
            delivery.close();
            throw e;
        }
    }

    private static Delivery delivery(MailerDefinition d, MockMailbox mailbox, Supplier<String> tokens) {
        if (d.mock()) {
            return new MockDelivery(d.name(), mailbox);
        }
        if (d.connectionFactory().isPresent()) {
            MailConnectionFactory cf =
                    Jndi.connectionFactory(d.name(), d.connectionFactory().get());
            return new ImmediateDelivery(d.name(), cf, AdapterSettings.spec(d.config()), d.maxMessageSize(), null);
        }
        MailManagedConnectionFactory mcf = d.newConnectionFactory(tokens);
        EmbeddedConnectionManager pool = new EmbeddedConnectionManager(mcf, d.pool());
        AutoCloseable owned = () -> {
            // The pool first: it destroys its connections through the factory, whose timer must still run.
            try {
                pool.close();
            } finally {
                mcf.close();
            }
        };
        try {
            MailConnectionFactory cf = (MailConnectionFactory) mcf.createConnectionFactory(pool);
            return new ImmediateDelivery(d.name(), cf, d.maxMessageSize(), owned);
        } catch (RuntimeException e) {
            pool.close();
            mcf.close();
            throw e;
        }
    }
}
