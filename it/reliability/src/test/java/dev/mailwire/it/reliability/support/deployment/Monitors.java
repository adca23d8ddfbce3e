package dev.mailwire.it.reliability.support.deployment;

import dev.mailwire.cdi.stats.MailerMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the {@link MailerMonitor} of each started mailer, as a health check would: pool figures, probes. */
@ApplicationScoped
public class Monitors {

    private final Map<String, MailerMonitor> byMailer = new ConcurrentHashMap<>();

    void started(@Observes MailerMonitor monitor) {
        byMailer.put(monitor.mailer(), monitor);
    }

    public MailerMonitor of(String mailer) {
        MailerMonitor m = byMailer.get(mailer);
        if (m == null) {
            throw new IllegalStateException("mailer " + mailer + " has not started (no MailerMonitor event)");
        }
        return m;
    }
}
