package dev.mailwire.it.support;

import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * What the server module running the suite tells it: its {@link ServerAdapter}, and in failsafe system properties
 * (set in it/wildfly, it/payara, it/liberty) where the operator bound the connection factory, the pool size the
 * operator's setup set, and where the server serves MicroProfile Health.
 */
public final class ServerUnderTest {

    private static final ServerAdapter ADAPTER = load();

    private ServerUnderTest() {}

    /** The one adapter of the server module on the class path. */
    public static ServerAdapter adapter() {
        return ADAPTER;
    }

    /** {@code wildfly}, {@code payara} or {@code liberty}: for messages. */
    public static String name() {
        return ADAPTER.name();
    }

    /** The JNDI name of the RAR's connection factory: what applications put in {@code connection-factory}. */
    public static String connectionFactory() {
        return required("mailwire.it.connection-factory");
    }

    /** The connection definition's max pool size (WildFly and Payara max-pool-size, Liberty maxPoolSize). */
    public static int poolMaxSize() {
        return Integer.parseInt(required("mailwire.it.pool-max-size"));
    }

    /**
     * Where the server answers MicroProfile Health readiness: WildFly on its management interface, Payara and Liberty
     * on their HTTP listener.
     */
    public static URI healthReady() {
        return URI.create(required("mailwire.it.health-ready-url"));
    }

    private static ServerAdapter load() {
        List<ServerAdapter> found = ServiceLoader.load(ServerAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one " + ServerAdapter.class.getName()
                    + " on the class path (the server module's), found " + found);
        }
        return found.get(0);
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    key + " is not set: run the suite through it/wildfly or it/payara, which set it");
        }
        return value;
    }
}
