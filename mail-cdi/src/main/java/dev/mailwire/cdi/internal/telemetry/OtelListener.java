package dev.mailwire.cdi.internal.telemetry;

import static dev.mailwire.cdi.internal.telemetry.TelemetryNames.*;

import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerStats;
import dev.mailwire.cdi.stats.MailerTarget;
import dev.mailwire.cdi.stats.SendEvent;
import dev.mailwire.cdi.stats.SendListener;
import dev.mailwire.cdi.stats.SendOutcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One mailer's sends as OpenTelemetry counters, a latency histogram and a span each; its gauges are {@link OtelGauges}. */
final class OtelListener implements SendListener {

    static final AttributeKey<String> MAILER_KEY = AttributeKey.stringKey(MAILER);
    private static final AttributeKey<String> OUTCOME_KEY = AttributeKey.stringKey(OUTCOME);
    private static final AttributeKey<String> REPLY_CLASS_KEY = AttributeKey.stringKey(REPLY_CLASS);
    private static final AttributeKey<String> ERROR_TYPE_KEY = AttributeKey.stringKey(ERROR_TYPE);
    private static final AttributeKey<String> STATUS_KEY = AttributeKey.stringKey(RECIPIENT_STATUS);
    /** From a fast local sink (milliseconds) to a send that hits send-timeout (PT2M). */
    private static final List<Double> BUCKETS =
            List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0);

    private final MailerTarget target;
    private final Attributes mailer;
    private final LongCounter sends;
    private final LongCounter recipients;
    private final DoubleHistogram duration;
    private final Tracer tracer;
    private final AutoCloseable gauges;

    private OtelListener(MailerMonitor monitor, Meter meter, Tracer tracer) {
        this.target = monitor.target();
        this.mailer = Attributes.of(MAILER_KEY, monitor.mailer());
        this.sends = meter.counterBuilder(SENDS)
                .setUnit("{send}")
                .setDescription("Sends by outcome")
                .build();
        this.recipients = meter.counterBuilder(RECIPIENTS)
                .setUnit("{recipient}")
                .setDescription("Recipients by the server's answer")
                .build();
        this.duration = withBuckets(meter.histogramBuilder(SEND_DURATION)
                        .setUnit("s")
                        .setDescription(
                                "Duration of one exchange with the SMTP server, borrowing the connection included"))
                .build();
        this.tracer = tracer;
        this.gauges = OtelGauges.register(monitor, meter, mailer);
    }

    /**
     * The buckets are advice, which the API has had since 1.32: Payara 6 brings 1.29, where the call fails with
     * {@link NoSuchMethodError}. The histogram then keeps the SDK's default buckets rather than losing all telemetry.
     */
    private static DoubleHistogramBuilder withBuckets(DoubleHistogramBuilder builder) {
        try {
            return builder.setExplicitBucketBoundariesAdvice(BUCKETS);
        } catch (NoSuchMethodError e) {
            return builder;
        }
    }

    static SendListener create(MailerMonitor monitor, OpenTelemetry otel) {
        return new OtelListener(
                monitor,
                otel.getMeterProvider().get(SCOPE),
                otel.getTracerProvider().get(SCOPE));
    }

    @Override
    public void sent(SendEvent e) {
        Attributes outcome = outcome(e);
        sends.add(1, outcome);
        count(e.outcome() == SendOutcome.DEFERRED ? "queued" : "deferred", e.deferred());
        count("delivered", e.delivered());
        count("rejected", e.rejected());
        if (e.timed()) {
            duration.record(
                    e.durationNanos() / 1e9,
                    mailer.toBuilder().put(OUTCOME_KEY, e.outcome().label()).build());
        }
        span(e, outcome);
    }

    private Attributes outcome(SendEvent e) {
        AttributesBuilder b = mailer.toBuilder().put(OUTCOME_KEY, e.outcome().label());
        if (e.replyClass() != null) {
            b.put(REPLY_CLASS_KEY, e.replyClass());
        }
        if (e.error() != null) {
            b.put(ERROR_TYPE_KEY, e.error().label());
        }
        return b.build();
    }

    private void count(String status, int n) {
        if (n > 0) {
            recipients.add(n, mailer.toBuilder().put(STATUS_KEY, status).build());
        }
    }

    /** Built after the fact with the send's own start: the sender's thread pays nothing while the send runs. */
    private void span(SendEvent e, Attributes outcome) {
        long startNanos =
                TimeUnit.SECONDS.toNanos(e.start().getEpochSecond()) + e.start().getNano();
        Span span = tracer.spanBuilder(SPAN_SEND)
                .setSpanKind(e.timed() ? SpanKind.CLIENT : SpanKind.INTERNAL)
                .setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
                .setAllAttributes(outcome)
                .setAttribute(RECIPIENT_COUNT, (long) e.delivered() + e.deferred() + e.rejected())
                .startSpan();
        if (target.mode() == MailerStats.Mode.SMTP) {
            span.setAttribute(SERVER_ADDRESS, target.host());
            span.setAttribute(SERVER_PORT, (long) target.port());
        }
        if (e.replyCode() > 0) {
            span.setAttribute(REPLY_CODE, (long) e.replyCode());
        }
        if (e.outcome() == SendOutcome.ERROR || e.outcome() == SendOutcome.REJECTED) {
            // The kind only: an exception's message may name recipients.
            span.setStatus(StatusCode.ERROR, e.error() != null ? e.error().label() : e.replyClass());
        }
        span.end(startNanos + Math.max(0, e.durationNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        try {
            gauges.close();
        } catch (Exception e) {
            // the SDK is shutting down too; nothing to keep
        }
    }
}
