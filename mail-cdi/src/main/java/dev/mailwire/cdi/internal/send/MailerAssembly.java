package dev.mailwire.cdi.internal.send;

import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.MockMailbox;
import dev.mailwire.cdi.internal.Secrets;
import dev.mailwire.cdi.internal.config.AdapterSettings;
import dev.mailwire.cdi.internal.config.MailerConfig;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.outbox.TransactionalAssembly;
import dev.mailwire.cdi.internal.telemetry.Telemetry;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerTarget;
import dev.mailwire.connector.MailConnection;
import dev.mailwire.connector.MailConnectionFactory;
import dev.mailwire.connector.MailConnectionSpec;
import dev.mailwire.jca.MailManagedConnectionFactory;
import dev.mailwire.jca.TlsMode;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the running mailer from a checked definition: its delivery, its executor, its renderer, its monitor. */
public final class MailerAssembly {

    private static final Logger LOG = Logger.getLogger(MailerAssembly.class.getName());

    /** Threads for {@code sendAsync} when the pool size does not bound them (mock mode, a server's pool). */
    private static final int DEFAULT_ASYNC_THREADS = 2;

    /** The innermost delivery, and the monitor that watches it. */
    private record Built(Delivery delivery, MailerMonitor monitor) {}

    private MailerAssembly() {}

    /**
     * @param tokens the XOAUTH2 token supplier, or null
     */
    public static ConfiguredMailer assemble(MailerDefinition d, MockMailbox mailbox, Supplier<String> tokens) {
        Built built = delivery(d, mailbox, tokens);
        MailerMonitor monitor = built.monitor();
        Delivery delivery;
        try {
            delivery = TransactionalAssembly.decorate(d, built.delivery(), monitor);
        } catch (RuntimeException | Error e) {
            monitor.close();
            throw e;
        }
        // More async threads than pooled connections would only wait for a connection.
        int threads = d.pool() == null ? DEFAULT_ASYNC_THREADS : d.pool().maxSize();
        try {
            AsyncSender async = AsyncSender.create(d.name(), threads, d.asyncQueueSize());
            ConfiguredMailer mailer = new ConfiguredMailer(
                    d.name(), Rendering.renderer(d), d.guard(), d.maxMessageSize(), delivery, async, monitor);
            Telemetry.attach(monitor);
            announce(monitor);
            return mailer;
        } catch (RuntimeException | Error e) {
            try {
                delivery.close();
            } finally {
                monitor.close();
            }
            throw e;
        }
    }

    private static Built delivery(MailerDefinition d, MockMailbox mailbox, Supplier<String> tokens) {
        if (d.mock()) {
            MailerMonitor monitor =
                    new MailerMonitor(MailerTarget.mock(d.name()), Secrets.none(), null, null, Clock.systemUTC());
            return new Built(new MockDelivery(d.name(), mailbox), monitor);
        }
        Secrets secrets = secrets(d);
        if (d.connectionFactory().isPresent()) {
            MailConnectionFactory cf =
                    Jndi.connectionFactory(d.name(), d.connectionFactory().get());
            MailConnectionSpec spec = AdapterSettings.spec(d.config());
            MailerMonitor monitor = new MailerMonitor(
                    MailerTarget.connectionFactory(
                            d.name(), d.connectionFactory().get()),
                    secrets,
                    null,
                    probe(cf, spec),
                    Clock.systemUTC());
            return new Built(new ImmediateDelivery(d.name(), cf, spec, d.maxMessageSize(), null, monitor), monitor);
        }
        // Tokens handed out are remembered, so that an error text echoing one is scrubbed.
        MailManagedConnectionFactory mcf = d.newConnectionFactory(secrets.remembering(tokens));
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
            TlsMode tls = TlsMode.valueOf(mcf.getTls().trim().toUpperCase(Locale.ROOT));
            int port = mcf.getPort() == null ? tls.defaultPort() : mcf.getPort();
            MailerTarget target = MailerTarget.smtp(d.name(), mcf.getHost(), port, tls.name());
            MailerMonitor monitor = new MailerMonitor(target, secrets, pool, probe(cf, null), Clock.systemUTC());
            return new Built(new ImmediateDelivery(d.name(), cf, pool, d.maxMessageSize(), owned, monitor), monitor);
        } catch (RuntimeException e) {
            pool.close();
            mcf.close();
            throw e;
        }
    }

    /**
     * A health probe, with the identity sends use: borrowing connects (TCP, TLS, AUTH), or checks a connection idle
     * for longer than {@code pool.validate-after-idle} with NOOP.
     */
    private static Runnable probe(MailConnectionFactory cf, MailConnectionSpec spec) {
        return () -> {
            try (MailConnection c = spec == null ? cf.getConnection() : cf.getConnection(spec)) {
                // borrowed and given back: nothing to send
            }
        };
    }

    private static Secrets secrets(MailerDefinition d) {
        MailerConfig c = d.config();
        return Secrets.of(
                c.get(MailerKey.USERNAME).orElse(null),
                Arrays.asList(
                        c.get(MailerKey.PASSWORD).orElse(null),
                        c.get(MailerKey.TRUST_STORE_PASSWORD).orElse(null),
                        // The adapter never puts these in a message; scrubbed anyway, should an issuer echo them.
                        c.get(MailerKey.OAUTH2_CLIENT_SECRET).orElse(null),
                        c.get(MailerKey.OAUTH2_CLIENT_ASSERTION_KEY_STORE_PASSWORD)
                                .orElse(null),
                        c.get(MailerKey.OAUTH2_REFRESH_TOKEN).orElse(null)));
    }

    /** Fires the monitor as a CDI event, for the health checks and the application; a no-op outside CDI. */
    private static void announce(MailerMonitor monitor) {
        try {
            CDI.current()
                    .getBeanManager()
                    .getEvent()
                    .select(MailerMonitor.class)
                    .fire(monitor);
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "No CDI container: mailer {0} is not announced", monitor.mailer());
        } catch (RuntimeException e) {
            // An observer's bug must not stop the mailer.
            LOG.log(Level.WARNING, e, () -> "Mailer '" + monitor.mailer() + "': an observer of MailerMonitor failed");
        }
    }
}
