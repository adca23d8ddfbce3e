package dev.mailwire.cdi.internal.telemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/** Finds the application's {@link OpenTelemetry}. Loaded only when the API is present. */
final class OtelLookup {

    private OtelLookup() {}

    static OpenTelemetry openTelemetry() {
        try {
            // MicroProfile Telemetry provides the SDK it configured as a bean, and need not set the global one.
            Instance<OpenTelemetry> bean = CDI.current().select(OpenTelemetry.class);
            if (bean.isResolvable()) {
                return bean.get();
            }
        } catch (IllegalStateException e) {
            // no CDI container: embedded use without CDI
        }
        return GlobalOpenTelemetry.get();
    }
}
