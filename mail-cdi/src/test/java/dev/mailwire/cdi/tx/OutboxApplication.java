package dev.mailwire.cdi.tx;

import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.deployment.Outcomes;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A transactional application on Weld SE ({@link TxContainers#boot}) whose default mailer delivers to the Postfix of
 * a {@link PostfixWithH2Outbox} through its H2 outbox, as most tests of this package need it. Closing it stops the
 * container, then takes its settings away.
 */
final class OutboxApplication implements AutoCloseable {

    private final TestConfig config;
    private final WeldContainer container;

    private OutboxApplication(TestConfig config, WeldContainer container) {
        this.config = config;
        this.container = container;
    }

    static OutboxApplication start(PostfixWithH2Outbox servers) {
        TestConfig config = TestConfig.use(TxSettings.outbox(TxSettings.postfix(servers.postfix())));
        try {
            return new OutboxApplication(config, TxContainers.boot());
        } catch (RuntimeException | Error e) {
            config.close();
            throw e;
        }
    }

    Mailer mailer() {
        return TxContainers.mailer(container);
    }

    Outcomes outcomes() {
        return TxContainers.outcomes(container);
    }

    @Override
    public void close() {
        try (config) {
            container.close();
        }
    }
}
