package dev.mailwire.cdi.internal.telemetry.deployment;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads points back from a collection of the in-memory reader. */
public final class Metrics {

    private final Collection<MetricData> collected;

    public Metrics(Collection<MetricData> collected) {
        this.collected = collected;
    }

    public MetricData metric(String name) {
        return collected.stream()
                .filter(m -> m.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + names()));
    }

    /** The sum of the long points of {@code name} whose attributes include all of {@code attributes}. */
    public long sum(String name, Map<String, String> attributes) {
        return points(name).stream()
                .filter(p -> attributes.entrySet().stream()
                        .allMatch(a -> a.getValue().equals(p.getAttributes().get(AttributeKey.stringKey(a.getKey())))))
                .mapToLong(p -> ((LongPointData) p).getValue())
                .sum();
    }

    public List<? extends PointData> points(String name) {
        return List.copyOf(metric(name).getData().getPoints());
    }

    public List<String> names() {
        return collected.stream().map(MetricData::getName).toList();
    }
}
