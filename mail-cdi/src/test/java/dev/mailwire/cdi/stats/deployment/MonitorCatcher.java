package dev.mailwire.cdi.stats.deployment;

import dev.mailwire.cdi.stats.MailerMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps each mailer's monitor as the mailer announces it: how an application gets at {@code MailerStats}. */
@ApplicationScoped
public class MonitorCatcher {

    private final Map<String, MailerMonitor> monitors = new ConcurrentHashMap<>();

    void started(@Observes MailerMonitor monitor) {
        monitors.put(monitor.mailer(), monitor);
    }

    public MailerMonitor get(String mailer) {
        return monitors.get(mailer);
    }
}
