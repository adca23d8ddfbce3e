package dev.mailwire.health.support;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The {@code OpenTelemetry} bean MicroProfile Telemetry would provide, backed by the SDK's in-memory exporters. One
 * test at a time uses it (each test class boots its own container).
 */
public class InMemoryTelemetry {

    public static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    public static final InMemoryMetricReader METRICS = InMemoryMetricReader.create();

    @Produces
    @Singleton
    OpenTelemetry openTelemetry() {
        SPANS.reset();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                        .build())
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(METRICS).build())
                .build();
    }
}
