package dev.mailwire.it.reliability.support;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.MailExtension;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.tx.deployment.Outcomes;
import dev.mailwire.it.reliability.support.deployment.MailerClient;
import dev.mailwire.it.reliability.support.deployment.Monitors;
import dev.mailwire.it.reliability.support.deployment.OutboxDataSource;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * An embedded application: Weld SE with Mailwire's extension and Narayana's, MicroProfile Config holding exactly the
 * given settings, the outbox DataSource as a bean, and the default mailer started.
 */
public final class App implements AutoCloseable {

    public static final String MAILER = "<default>";

    private final AppConfig config;
    private final WeldContainer container;
    private final Mailer mailer;

    private App(AppConfig config, WeldContainer container) {
        this.config = config;
        this.container = container;
        this.mailer = container.select(MailerClient.class).get().mailer();
        mailer.name(); // starts the mailer: its pool, its outbox sweeper, its monitor
    }

    /** @param outbox the outbox's DataSource, or null for a mailer without one */
    public static App start(MailerSettings settings, DataSource outbox) {
        OutboxDataSource.current = outbox;
        Jta.tm(); // the object store location is set before Narayana starts
        AppConfig config = AppConfig.use(settings.asMap());
        try {
            WeldContainer container = new Weld()
                    .disableDiscovery()
                    .addExtension(new MailExtension())
                    .addExtension(new TransactionExtension())
                    .addBeanClasses(OutboxDataSource.class, MailerClient.class, Monitors.class, Outcomes.class)
                    .initialize();
            return new App(config, container);
        } catch (RuntimeException | Error e) {
            config.close();
            throw e;
        }
    }

    public Mailer mailer() {
        return mailer;
    }

    /** What a health check sees of the mailer: pool, outbox, last failure, probes. */
    public MailerMonitor monitor() {
        return container.select(Monitors.class).get().of(MAILER);
    }

    public Outcomes outcomes() {
        return container.select(Outcomes.class).get();
    }

    @Override
    public void close() {
        try {
            container.close();
        } finally {
            config.close();
        }
    }
}
