package dev.mailwire.health;

import dev.mailwire.cdi.stats.MailerMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of Mailwire itself, in one check named {@value #NAME}. Never touches the network or a database: an SMTP
 * outage is a readiness matter, and a restart would not cure it. DOWN only when Mailwire is broken in a way only a
 * restart cures: a started mailer's pool closed under it, its outbox dispatcher stopped, the probe threads gone.
 */
@Liveness
@ApplicationScoped
class LivenessCheck implements HealthCheck {

    static final String NAME = "mailwire";

    private static final Logger LOG = Logger.getLogger(LivenessCheck.class.getName());

    private final Map<String, Boolean> lastReported = new ConcurrentHashMap<>();

    @Inject
    MailerMonitors monitors;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (String name : monitors.names()) {
            Optional<MailerMonitor> monitor = monitors.monitor(name);
            Optional<String> problem = monitor.flatMap(MailerMonitor::problem);
            // A mailer not started is not broken: readiness says why it is not there.
            data.put(name, problem.isPresent() ? "DOWN" : "UP");
            problem.ifPresent(p -> data.put(name + ".problem", p));
            up &= report(name, problem);
        }
        if (!monitors.probesUsable()) {
            data.put("health-probes", "DOWN");
            up = false;
        }
        return new HealthCheckResponse(
                NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    private boolean report(String name, Optional<String> problem) {
        Boolean before = lastReported.put(name, problem.isEmpty());
        if (problem.isPresent() && !Boolean.FALSE.equals(before)) {
            LOG.severe(HealthMessages.BROKEN.format(name, problem.get()));
        }
        return problem.isEmpty();
    }
}
