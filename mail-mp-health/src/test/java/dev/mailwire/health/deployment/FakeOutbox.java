package dev.mailwire.health.deployment;

import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.OutboxSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Gives every mailer an outbox whose figures and dispatcher state the test sets. */
@ApplicationScoped
public class FakeOutbox implements OutboxSource {

    private volatile OutboxFigures figures = new OutboxFigures(0, null, 0);
    private volatile boolean running = true;

    public void set(OutboxFigures figures) {
        this.figures = figures;
    }

    public void stopDispatcher() {
        this.running = false;
    }

    void started(@Observes MailerMonitor monitor) {
        monitor.outbox(this);
    }

    @Override
    public OutboxFigures figures() {
        return figures;
    }

    @Override
    public boolean dispatcherRunning() {
        return running;
    }
}
