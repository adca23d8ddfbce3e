package dev.mailwire.it.reliability.support;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * The application's MicroProfile Config: exactly the given properties, registered for the test's class loader
 * through the standard API, so nothing from the machine's environment leaks into a mailer.
 */
final class AppConfig implements AutoCloseable {

    private final Config config;

    private AppConfig(Config config) {
        this.config = config;
    }

    static AppConfig use(Map<String, String> properties) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "reliability", 400))
                .build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(config, loader);
        return new AppConfig(config);
    }

    @Override
    public void close() {
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
