package dev.mailwire.health;

import dev.mailwire.cdi.stats.ErrorKind;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of every mailer, in one check named {@value #NAME}: each mailer is listed in the data by its name ({@code
 * UP} or {@code DOWN}), with its server, TLS mode, pool, last error and outbox. A mailer is UP when its server was
 * found usable recently (a send within {@code mailwire.health.window}, a probe within {@code mailwire.health.interval})
 * and its outbox is within its limits. All probes needed run at once, and the call waits for them at most {@code
 * mailwire.health.timeout}.
 */
@Readiness
@ApplicationScoped
class ReadinessCheck implements HealthCheck {

    static final String NAME = "mailwire-mailers";

    private static final Logger LOG = Logger.getLogger(ReadinessCheck.class.getName());

    private final Map<String, Boolean> lastReported = new ConcurrentHashMap<>();

    @Inject
    MailerMonitors monitors;

    @Override
    public HealthCheckResponse call() {
        HealthSettings settings = monitors.settings();
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Map<String, CompletableFuture<Evidence>> pending = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (String name : monitors.names()) {
            Optional<MailerMonitor> monitor = monitors.monitor(name);
            if (monitor.isPresent()) {
                pending.put(name, monitors.evidence(monitor.get()));
            } else {
                String why = monitors.startFailure(name).orElse("not started");
                ReadinessData.down(data, name, "not_started", why);
                up &= report(name, false, "not_started", why);
            }
        }
        for (Map.Entry<String, CompletableFuture<Evidence>> e : pending.entrySet()) {
            String name = e.getKey();
            MailerMonitor monitor = monitors.monitor(name).orElse(null);
            if (monitor == null) {
                continue; // closed meanwhile: the application is stopping
            }
            Evidence evidence = await(e.getValue(), deadline, settings);
            Optional<String> outboxProblem = ReadinessData.outbox(data, name, monitor, settings);
            ReadinessData.describe(data, name, monitor, evidence);
            if (!evidence.ok()) {
                ReadinessData.down(data, name, evidence.error().label(), evidence.text());
                up &= report(name, false, evidence.error().label(), evidence.text());
            } else if (outboxProblem.isPresent()) {
                ReadinessData.down(data, name, "outbox", outboxProblem.get());
                up &= report(name, false, "outbox", outboxProblem.get());
            } else {
                data.put(name, "UP");
                report(name, true, null, null);
            }
        }
        return new HealthCheckResponse(
                NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    private static Evidence await(CompletableFuture<Evidence> probe, long deadline, HealthSettings settings) {
        try {
            return probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            String text = HealthMessages.PROBE_TIMEOUT.format(settings.timeout(), HealthKey.TIMEOUT.propertyName());
            return Evidence.failed(Instant.now(), Evidence.Source.PROBE, ErrorKind.TIMEOUT, text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Evidence.failed(Instant.now(), Evidence.Source.PROBE, ErrorKind.OTHER, "interrupted");
        } catch (ExecutionException e) {
            // MailerMonitor.probe catches what a probe throws; this is a bug, reported without its text.
            return Evidence.failed(
                    Instant.now(),
                    Evidence.Source.PROBE,
                    ErrorKind.OTHER,
                    e.getCause().getClass().getName());
        }
    }

    /** Logs a change of state only: a poll every few seconds must not repeat the same line. */
    private boolean report(String name, boolean up, String reason, String text) {
        Boolean before = lastReported.put(name, up);
        if (!up && !Boolean.FALSE.equals(before)) {
            LOG.warning(HealthMessages.NOT_READY.format(name, reason, text));
        } else if (up && Boolean.FALSE.equals(before)) {
            LOG.info(HealthMessages.READY_AGAIN.format(name));
        }
        return up;
    }
}
