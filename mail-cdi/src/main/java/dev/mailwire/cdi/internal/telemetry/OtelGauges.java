package dev.mailwire.cdi.internal.telemetry;

import static dev.mailwire.cdi.internal.telemetry.TelemetryNames.*;

import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.jca.pool.PoolStats;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.time.Instant;

/**
 * The pool's and the outbox's figures, read when the SDK collects (one callback per mailer, so one pool snapshot per
 * collection) and unregistered when the mailer closes.
 */
final class OtelGauges {

    private static final AttributeKey<String> STATE = AttributeKey.stringKey(POOL_STATE);

    private OtelGauges() {}

    static AutoCloseable register(MailerMonitor monitor, Meter meter, Attributes mailer) {
        Attributes inUse = mailer.toBuilder().put(STATE, "in_use").build();
        Attributes idle = mailer.toBuilder().put(STATE, "idle").build();
        ObservableLongMeasurement connections = updown(meter, POOL_CONNECTIONS, "{connection}", "Pooled connections");
        ObservableLongMeasurement max = updown(meter, POOL_MAX, "{connection}", "pool.max-size");
        ObservableLongMeasurement created = counter(meter, POOL_CREATED, "{connection}", "Connections opened");
        ObservableLongMeasurement destroyed = counter(meter, POOL_DESTROYED, "{connection}", "Connections closed");
        ObservableLongMeasurement errors = counter(meter, POOL_ERRORS, "{connection}", "Connections that failed");
        ObservableLongMeasurement invalid =
                counter(meter, POOL_VALIDATION_FAILURES, "{connection}", "Idle connections found dead by NOOP");
        ObservableDoubleMeasurement waited = meter.counterBuilder(POOL_WAIT_TIME)
                .ofDoubles()
                .setUnit("s")
                .setDescription("Time spent waiting for a free connection")
                .buildObserver();
        ObservableLongMeasurement waits = counter(meter, POOL_WAITS, "{acquire}", "Borrows that waited");
        ObservableLongMeasurement timeouts = counter(meter, POOL_TIMEOUTS, "{acquire}", "Borrows that gave up");
        ObservableLongMeasurement backlog = updown(meter, OUTBOX_BACKLOG, "{mail}", "Mails waiting in the outbox");
        ObservableDoubleMeasurement oldest = meter.gaugeBuilder(OUTBOX_OLDEST_AGE)
                .setUnit("s")
                .setDescription("Age of the oldest waiting mail")
                .buildObserver();
        ObservableLongMeasurement dead = updown(meter, OUTBOX_DEAD_LETTERS, "{mail}", "Dead-lettered mails");
        return meter.batchCallback(
                () -> {
                    PoolStats p = monitor.poolStats();
                    if (p != null) {
                        connections.record(p.inUse(), inUse);
                        connections.record(p.idle(), idle);
                        max.record(p.maxSize(), mailer);
                        created.record(p.created(), mailer);
                        destroyed.record(p.destroyed(), mailer);
                        errors.record(p.connectionErrors(), mailer);
                        invalid.record(p.validationFailures(), mailer);
                        waited.record(p.acquireWaitNanos() / 1e9, mailer);
                        waits.record(p.acquireWaits(), mailer);
                        timeouts.record(p.timeouts(), mailer);
                    }
                    OutboxFigures o = monitor.outboxFigures();
                    if (o != null) {
                        backlog.record(o.backlog(), mailer);
                        oldest.record(o.oldestAge(Instant.now()).toMillis() / 1e3, mailer);
                        dead.record(o.deadLetters(), mailer);
                    }
                },
                connections,
                max,
                created,
                destroyed,
                errors,
                invalid,
                waited,
                waits,
                timeouts,
                backlog,
                oldest,
                dead);
    }

    private static ObservableLongMeasurement updown(Meter meter, String name, String unit, String description) {
        return meter.upDownCounterBuilder(name)
                .setUnit(unit)
                .setDescription(description)
                .buildObserver();
    }

    private static ObservableLongMeasurement counter(Meter meter, String name, String unit, String description) {
        return meter.counterBuilder(name)
                .setUnit(unit)
                .setDescription(description)
                .buildObserver();
    }
}
