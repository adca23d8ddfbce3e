package dev.mailwire.bench.clients;

import dev.mailwire.Mailer;
import dev.mailwire.bench.server.Target;
import dev.mailwire.cdi.MailExtension;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Weld SE with Mailwire's extension and one named mailer per server, configured through MicroProfile Config
 * (SmallRye) the way an application is: {@code mailwire.mailer.<server>.*} keys, pool and timeouts at their
 * defaults except {@code pool.max-size}, raised to the bench's largest thread count.
 */
public final class MailwireContainer implements AutoCloseable {

    private final Config config;
    private final WeldContainer weld;
    private Map<String, Mailer> mailers;

    private MailwireContainer(Config config, WeldContainer weld) {
        this.config = config;
        this.weld = weld;
    }

    /** The variant of {@code pool.max-messages-per-connection} (default 1000) that keeps connections much longer. */
    public static final int LONG_LIVED = 1_000_000;

    public static final String LONG_LIVED_VARIANT = "pool.max-messages-per-connection=" + LONG_LIVED;

    /**
     * One pooled connection shared by all the scenario's threads (issue 12's P6 is "1 connection"): callers wait in
     * the pool, so the connection always has a next mail ready, as the outbox dispatcher has.
     */
    public static final String ONE_CONNECTION_VARIANT = "pool.max-size=1";

    /** The targets that also get a {@link #ONE_CONNECTION_VARIANT} mailer: the round-trip links. */
    private static final String ROUND_TRIP_PREFIX = "postfix-rtt";

    /**
     * One named mailer per server (see {@link BenchMailers}), and {@code tls-sink-long-lived}: the TLS sink with
     * {@link #LONG_LIVED_VARIANT}, to measure what the default's reconnect every 1000 messages costs; and per
     * round-trip link {@code <key>-one-connection} with {@link #ONE_CONNECTION_VARIANT}.
     */
    public static MailwireContainer boot(List<Target> targets, int poolMaxSize) {
        Map<String, String> properties = new HashMap<>();
        for (Target t : targets) {
            properties.putAll(properties(t, "mailwire.mailer." + t.key() + ".", poolMaxSize));
            if (t.key().equals("tls-sink")) {
                String prefix = "mailwire.mailer.tls-sink-long-lived.";
                properties.putAll(properties(t, prefix, poolMaxSize));
                properties.put(prefix + "pool.max-messages-per-connection", String.valueOf(LONG_LIVED));
            }
            if (t.key().startsWith(ROUND_TRIP_PREFIX)) {
                properties.putAll(properties(t, "mailwire.mailer." + t.key() + "-one-connection.", 1));
            }
        }
        MailwireContainer c = boot(properties, BenchMailers.class);
        c.mailers = c.bean(BenchMailers.class).byName();
        return c;
    }

    /** Any beans, with {@code properties} as the application's configuration. */
    public static MailwireContainer boot(Map<String, String> properties, Class<?>... beanClasses) {
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "bench", 400))
                .build();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        try {
            WeldContainer weld = new Weld("mailwire-bench")
                    .disableDiscovery()
                    .addExtension(new MailExtension())
                    .addBeanClasses(beanClasses)
                    .initialize();
            return new MailwireContainer(config, weld);
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    public <T> T bean(Class<T> type) {
        return weld.select(type).get();
    }

    /** The keys that point one mailer at {@code t}. */
    public static Map<String, String> properties(Target t, String prefix, int poolMaxSize) {
        Map<String, String> p = new HashMap<>();
        p.put(prefix + "host", t.host());
        p.put(prefix + "port", String.valueOf(t.port()));
        p.put(prefix + "from", "bench@example.test");
        p.put(prefix + "pool.max-size", String.valueOf(poolMaxSize));
        if (t.startTls()) {
            p.put(prefix + "tls", "STARTTLS");
            p.put(prefix + "trust-store", t.trustStore().toString());
            p.put(prefix + "trust-store-password", t.trustStorePassword());
            p.put(prefix + "trust-store-type", t.trustStoreType());
            p.put(prefix + "username", t.username());
            p.put(prefix + "password", t.password());
        } else {
            p.put(prefix + "tls", "NONE");
        }
        return p;
    }

    /** The mailer for {@code target}, or its variant when {@code variant} names one. */
    public Mailer mailer(Target target, String variant) {
        String name = switch (variant) {
            case LONG_LIVED_VARIANT -> target.key() + "-long-lived";
            case ONE_CONNECTION_VARIANT -> target.key() + "-one-connection";
            default -> target.key();
        };
        Mailer m = mailers == null ? null : mailers.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no Mailwire mailer " + name + " for " + target);
        }
        return m;
    }

    @Override
    public void close() {
        weld.shutdown();
        ConfigProviderResolver.instance().releaseConfig(config);
    }
}
