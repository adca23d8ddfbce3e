package dev.mailwire.cdi.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.cdi.internal.telemetry.deployment.Metrics;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.MailerTarget;
import dev.mailwire.cdi.stats.Secrets;
import dev.mailwire.cdi.stats.SendEvent;
import dev.mailwire.cdi.stats.SendListener;
import dev.mailwire.cdi.stats.SendOutcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogramBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On an OpenTelemetry API older than 1.32 (Payara 6 brings 1.29) the histogram builder has no
 * {@code setExplicitBucketBoundariesAdvice}: the mailer's telemetry still works, its latency histogram with the SDK's
 * default buckets, instead of being switched off by the {@link NoSuchMethodError}.
 */
class TelemetryWorksWithoutBucketAdviceTest {

    private static final Set<Class<?>> WRAPPED = Set.of(MeterProvider.class, Meter.class, DoubleHistogramBuilder.class);

    @Test
    void sendsAreCountedAndTimedOnAnApiWithoutBucketAdvice() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        OpenTelemetry sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(reader).build())
                .build();
        MailerMonitor monitor = new MailerMonitor(
                MailerTarget.smtp("<default>", "127.0.0.1", 25, "STARTTLS"),
                Secrets.none(),
                null,
                null,
                Clock.systemUTC());

        SendListener listener = OtelListener.create(monitor, olderApi(sdk));
        listener.sent(
                new SendEvent("<default>", SendOutcome.DELIVERED, null, 250, null, 1, 0, 0, Instant.now(), 3_000_000));

        Metrics m = new Metrics(reader.collectAllMetrics());
        assertThat(m.sum(TelemetryNames.SENDS, Map.of(TelemetryNames.OUTCOME, "delivered")))
                .isEqualTo(1);
        assertThat(m.points(TelemetryNames.SEND_DURATION))
                .singleElement()
                .satisfies(p -> assertThat(((HistogramPointData) p).getCount()).isEqualTo(1));
        listener.close();
    }

    /** {@code otel} as an API before 1.32 behaves: the advice method is missing, everything else works. */
    private static OpenTelemetry olderApi(OpenTelemetry otel) {
        return (OpenTelemetry) Proxy.newProxyInstance(
                OpenTelemetry.class.getClassLoader(), new Class<?>[] {OpenTelemetry.class}, wrapping(otel));
    }

    private static InvocationHandler wrapping(Object real) {
        return (proxy, method, args) -> {
            if (method.getName().equals("setExplicitBucketBoundariesAdvice")) {
                throw new NoSuchMethodError(method.toString());
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Class<?> type = method.getReturnType();
            if (result != null && WRAPPED.contains(type)) {
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, wrapping(result));
            }
            return result;
        };
    }
}
