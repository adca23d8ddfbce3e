package dev.mailwire.cdi.tx;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.MailExtension;
import dev.mailwire.cdi.tx.deployment.MailerClient;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.cdi.tx.deployment.Outcomes;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Boots Weld SE as an embedded transactional application does: Mailwire's extension, Narayana's CDI integration
 * ({@code @Transactional} interceptors, the transaction manager and registry as beans), the application's
 * DataSource producer and an observer of outcomes.
 */
public final class TxContainers {

    private TxContainers() {}

    public static WeldContainer boot(Class<?>... beanClasses) {
        Jta.tm(); // the object store location is set before Narayana starts
        return new Weld()
                .disableDiscovery()
                .addExtension(new MailExtension())
                .addExtension(new TransactionExtension())
                .addBeanClasses(OutboxDataSource.class, Outcomes.class, MailerClient.class)
                .addBeanClasses(beanClasses)
                .initialize();
    }

    public static Mailer mailer(WeldContainer container) {
        return container.select(MailerClient.class).get().mailer();
    }

    public static Outcomes outcomes(WeldContainer container) {
        return container.select(Outcomes.class).get();
    }
}
