package dev.mailwire.cdi.internal.telemetry.deployment;

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
 * The {@code OpenTelemetry} bean MicroProfile Telemetry would provide, here the SDK with in-memory exporters. Each
 * container gets fresh ones (tests run one at a time per JVM fork).
 */
public class InMemoryOtel {

    public static volatile InMemorySpanExporter spans;
    public static volatile InMemoryMetricReader metrics;

    @Produces
    @Singleton
    OpenTelemetry openTelemetry() {
        spans = InMemorySpanExporter.create();
        metrics = InMemoryMetricReader.create();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
    }
}
