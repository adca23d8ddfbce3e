package dev.mailwire.health;

import dev.mailwire.cdi.stats.ErrorKind;
import dev.mailwire.cdi.stats.Evidence;
import dev.mailwire.cdi.stats.MailerMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;

/**
 * Decides, for one mailer, whether readiness needs a probe: not when a send reached the server within the window, or
 * a probe answered within the interval. Otherwise it starts one, at most once per interval whatever the polling rate,
 * and every poll meanwhile shares the probe in flight. The probe runs on {@link ProbeThreads}; callers wait for the
 * future with their own bound.
 */
final class ProbeGate {

    private final MailerMonitor monitor;
    private final Clock clock;
    private CompletableFuture<Evidence> last;
    private long lastStartNanos;

    ProbeGate(MailerMonitor monitor, Clock clock) {
        this.monitor = monitor;
        this.clock = clock;
    }

    synchronized CompletableFuture<Evidence> evidence(HealthSettings settings, Executor threads) {
        Instant now = clock.instant();
        Evidence fresh = Stream.concat(
                        monitor.lastSendEvidence().filter(e -> within(e, now, settings.window())).stream(),
                        monitor.lastProbeEvidence().filter(e -> within(e, now, settings.interval())).stream())
                .max(Comparator.comparing(Evidence::at))
                .orElse(null);
        if (fresh != null) {
            return CompletableFuture.completedFuture(fresh);
        }
        // One in flight (a server that never answers keeps it there until the mailer's own timeouts end it), or one
        // started within the interval: its answer stands. Either way no second connection.
        if (last != null && (!last.isDone() || since(lastStartNanos).compareTo(settings.interval()) < 0)) {
            return last;
        }
        try {
            last = CompletableFuture.supplyAsync(monitor::probe, threads);
        } catch (RejectedExecutionException e) {
            // Reported at once rather than waited for, and not kept: no connection was opened, the next poll tries.
            last = null;
            return CompletableFuture.completedFuture(Evidence.failed(
                    now, Evidence.Source.PROBE, ErrorKind.OTHER, HealthMessages.PROBE_REFUSED.format(e.getMessage())));
        }
        lastStartNanos = System.nanoTime();
        return last;
    }

    private static boolean within(Evidence e, Instant now, Duration limit) {
        return e.age(now).compareTo(limit) <= 0;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
