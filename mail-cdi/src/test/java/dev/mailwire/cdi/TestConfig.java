package dev.mailwire.cdi;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Gives the test's class loader a Config of its own, through the standard {@code registerConfig} API: properties,
 * and environment variables held in a map (a JVM cannot set its own), with SmallRye's real env-name mapping. No
 * system properties or real environment leak in.
 */
public final class TestConfig implements AutoCloseable {

    private final Config config;

    private TestConfig(Config config) {
        this.config = config;
    }

    public static TestConfig use(Map<String, String> properties) {
        return use(properties, Map.of());
    }

    public static TestConfig use(Map<String, String> properties, Map<String, String> environment) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test-properties", 400))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(config, loader);
        return new TestConfig(config);
    }

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
