package dev.mailwire.health.support;

import dev.mailwire.cdi.MailExtension;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.health.HealthExtension;
import io.smallrye.health.AsyncHealthCheckFactory;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.health.registry.HealthRegistries;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE with Mailwire's two extensions and SmallRye Health's reporter, which renders the checks as the JSON an
 * application server's {@code /health/ready} returns.
 */
public final class HealthContainer implements AutoCloseable {

    private final WeldContainer weld;

    private HealthContainer(WeldContainer weld) {
        this.weld = weld;
    }

    public static HealthContainer boot(Class<?>... beanClasses) {
        return new HealthContainer(new Weld()
                .disableDiscovery()
                .addExtension(new MailExtension())
                .addExtension(new HealthExtension())
                .addBeanClasses(SmallRyeHealthReporter.class, AsyncHealthCheckFactory.class, HealthRegistries.class)
                .addBeanClasses(beanClasses)
                .initialize());
    }

    public JsonObject readiness() {
        return weld.select(SmallRyeHealthReporter.class).get().getReadiness().getPayload();
    }

    public JsonObject liveness() {
        return weld.select(SmallRyeHealthReporter.class).get().getLiveness().getPayload();
    }

    public Mailers mailers() {
        return weld.select(Mailers.class).get();
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    /** The status of the whole response, {@code UP} or {@code DOWN}. */
    public static String status(JsonObject health) {
        return health.getString("status");
    }

    /** The data of the check called {@code name}. */
    public static Map<String, Object> data(JsonObject health, String name) {
        return Optional.ofNullable(health.getJsonArray("checks")).stream()
                .flatMap(a -> a.getValuesAs(JsonObject.class).stream())
                .filter(c -> c.getString("name").equals(name))
                .findFirst()
                .map(c -> c.getJsonObject("data"))
                .map(d -> Map.<String, Object>copyOf(d))
                .orElse(Map.of());
    }

    @Override
    public void close() {
        weld.shutdown();
    }
}
