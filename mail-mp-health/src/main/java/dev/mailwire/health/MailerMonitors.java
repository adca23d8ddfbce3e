package dev.mailwire.health;

import dev.mailwire.MailerException;
import dev.mailwire.cdi.MailerKey;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerStats;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The running mailers as the health checks see them. Every mailer is started when the application starts, on the
 * application's own thread: a health endpoint's thread may lack the application's JNDI context and transaction
 * manager, so starting a mailer there could build it wrongly. Each mailer announces its {@link MailerMonitor} as it
 * starts (also when a send starts it first).
 */
@ApplicationScoped
class MailerMonitors {

    private static final Logger LOG = Logger.getLogger(MailerMonitors.class.getName());

    private final Map<String, MailerMonitor> monitors = new ConcurrentHashMap<>();
    private final Map<String, String> startFailures = new ConcurrentHashMap<>();
    private final Map<String, ProbeGate> gates = new ConcurrentHashMap<>();
    private volatile HealthSettings settings;
    private volatile ProbeThreads threads;

    @Inject
    Mailers mailers;

    void started(@Observes MailerMonitor monitor) {
        monitors.put(monitor.mailer(), monitor);
        gates.remove(monitor.mailer());
        startFailures.remove(monitor.mailer());
    }

    void startAll(@Observes @Initialized(ApplicationScoped.class) Object event) {
        threads(); // here, so that the probe threads carry this thread's context, not a health endpoint's
        for (String name : mailers.names()) {
            try {
                mailers.mailer(name);
            } catch (MailerException e) {
                // Left to the first send to retry; readiness reports the mailer DOWN meanwhile.
                startFailures.put(name, HealthMessages.NOT_STARTED.format(name, e.getMessage()));
                LOG.warning(startFailures.get(name));
            }
            monitor(name)
                    .filter(m -> m.target().mode() == MailerStats.Mode.SMTP)
                    .ifPresent(m -> warnIfProbesMayNotValidate(name));
        }
    }

    /** The monitor of a started mailer. */
    Optional<MailerMonitor> monitor(String name) {
        return Optional.ofNullable(monitors.get(name)).filter(m -> !m.isClosed());
    }

    /** Why mailer {@code name} did not start, if it did not. */
    Optional<String> startFailure(String name) {
        return Optional.ofNullable(startFailures.get(name));
    }

    Iterable<String> names() {
        return mailers.names();
    }

    HealthSettings settings() {
        HealthSettings s = settings;
        if (s == null) {
            // Checked at deployment by HealthExtension: a bad value has failed it already.
            settings = s = HealthSettings.read(ConfigProvider.getConfig()).settings();
        }
        return s;
    }

    /** The newest evidence for {@code monitor}'s mailer, probing its server if needed (see {@link ProbeGate}). */
    CompletableFuture<Evidence> evidence(MailerMonitor monitor) {
        ProbeGate gate = gates.computeIfAbsent(monitor.mailer(), n -> new ProbeGate(monitor, Clock.systemUTC()));
        return gate.evidence(settings(), threads());
    }

    /** False when the probe threads are gone while the application runs. */
    boolean probesUsable() {
        ProbeThreads t = threads;
        return t == null || t.usable();
    }

    private ProbeThreads threads() {
        ProbeThreads t = threads;
        if (t == null) {
            synchronized (this) {
                if (threads == null) {
                    // A thread per mailer: at most one probe per mailer runs at a time (ProbeGate).
                    threads = ProbeThreads.create(mailers.names().size());
                }
                t = threads;
            }
        }
        return t;
    }

    private void warnIfProbesMayNotValidate(String name) {
        String key = MailerKey.POOL_VALIDATE_AFTER_IDLE.propertyName(name);
        String raw = ConfigProvider.getConfig()
                .getOptionalValue(key, String.class)
                .orElse(MailerKey.POOL_VALIDATE_AFTER_IDLE.defaultValue().orElseThrow());
        try {
            Duration validateAfterIdle = Duration.parse(raw.trim());
            Duration interval = settings().interval();
            if (validateAfterIdle.compareTo(interval) >= 0) {
                LOG.warning(HealthMessages.VALIDATION_NOT_SHORTER.format(
                        name, key, validateAfterIdle, HealthKey.INTERVAL.propertyName(), interval));
            }
        } catch (DateTimeParseException e) {
            // the mailer's own check reported it at deployment
        }
    }

    @PreDestroy
    void close() {
        ProbeThreads t = threads;
        if (t != null) {
            t.close();
        }
    }
}
