package dev.mailwire.cdi.internal.outbox;

import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.internal.config.MailerDefinition;
import dev.mailwire.cdi.internal.send.Delivery;
import dev.mailwire.cdi.internal.send.MessageSize;
import dev.mailwire.cdi.internal.send.PreparedMail;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.stats.MailerMonitor;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Puts {@link TransactionalDelivery} in front of a mailer's delivery when {@code transactional=auto}. */
public final class TransactionalAssembly {

    private static final Logger LOG = Logger.getLogger(TransactionalAssembly.class.getName());

    private TransactionalAssembly() {}

    /**
     * The delivery the mailer uses: {@code immediate} itself with {@code transactional=never} or without a JTA
     * transaction manager, else the transactional decorator over it, whose outbox starts now (for a table: created
     * or checked, then swept, so mail left by an earlier run goes out) and reports its figures to {@code monitor}.
     * {@code immediate} is closed if this fails.
     */
    public static Delivery decorate(MailerDefinition d, Delivery immediate, MailerMonitor monitor) {
        if (d.transactional() != MailerDefinition.Transactional.AUTO) {
            return immediate;
        }
        try {
            OutboxSettings settings = TransactionSettings.of(d);
            TransactionSupport transactions = TransactionSupport.lookup();
            if (transactions == TransactionSupport.NONE) {
                LOG.log(
                        settings.durable() ? Level.WARNING : Level.FINE,
                        OutboxMessages.NO_TRANSACTION_MANAGER.format(d.name()));
                return immediate;
            }
            OutboxTransport transport = (message, messageId, recipients, size) -> immediate.deliver(new PreparedMail(
                    message,
                    messageId,
                    recipients,
                    List.of(),
                    size >= 0 ? MessageSize.exactly(size) : MessageSize.unknown()));
            Consumer<MailOutcome> events = events();
            Outbox outbox;
            if (d.mock()) {
                outbox = Outbox.inline(d.name(), transport, events);
            } else if (settings.durable()) {
                String key = MailerKey.OUTBOX_DATASOURCE.propertyName(d.name());
                DataSource ds = OutboxDataSources.lookup(d.name(), key, settings.dataSource());
                outbox = Outbox.durable(d.name(), settings, ds, transport, events);
            } else {
                outbox = Outbox.inMemory(d.name(), settings, transport, events);
            }
            monitor.outbox(outbox.source());
            return new TransactionalDelivery(d.name(), transactions, immediate, outbox, d.maxMessageSize());
        } catch (RuntimeException | Error e) {
            immediate.close();
            throw e;
        }
    }

    /** Fires {@link MailOutcome} to the application's observers; a no-op outside a CDI container. */
    private static Consumer<MailOutcome> events() {
        BeanManager beans;
        try {
            beans = CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            return outcome -> {};
        }
        return outcome -> beans.getEvent().select(MailOutcome.class).fire(outcome);
    }
}
