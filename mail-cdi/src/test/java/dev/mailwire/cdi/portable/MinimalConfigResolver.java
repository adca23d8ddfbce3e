package dev.mailwire.cdi.portable;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/** Serves one {@link MinimalConfig} to every class loader; installed with {@code ConfigProviderResolver.setInstance}. */
final class MinimalConfigResolver extends ConfigProviderResolver {

    private final Config config;

    MinimalConfigResolver(Config config) {
        this.config = config;
    }

    @Override
    public Config getConfig() {
        return config;
    }

    @Override
    public Config getConfig(ClassLoader loader) {
        return config;
    }

    @Override
    public ConfigBuilder getBuilder() {
        throw new UnsupportedOperationException("not needed by Mailwire");
    }

    @Override
    public void registerConfig(Config config, ClassLoader classLoader) {
        throw new UnsupportedOperationException("not needed by Mailwire");
    }

    @Override
    public void releaseConfig(Config config) {}
}
