package dev.mailwire.it.support;

import java.net.URI;

/**
 * What the server module running the suite tells it (failsafe system properties, set in it/wildfly and it/payara):
 * which server, where the operator bound the connection factory, the pool size the operator script set, and where
 * the server serves MicroProfile Health.
 */
public final class ServerUnderTest {

    private ServerUnderTest() {}

    public static boolean isWildFly() {
        return "wildfly".equals(name());
    }

    /** {@code wildfly} or {@code payara}. */
    public static String name() {
        return required("mailwire.it.server");
    }

    /** The JNDI name of the RAR's connection factory: what applications put in {@code connection-factory}. */
    public static String connectionFactory() {
        return required("mailwire.it.connection-factory");
    }

    /** The connection definition's max pool size (WildFly max-pool-size, Payara max-pool-size). */
    public static int poolMaxSize() {
        return Integer.parseInt(required("mailwire.it.pool-max-size"));
    }

    /**
     * Where the server answers MicroProfile Health readiness: WildFly on its management interface, Payara on its
     * HTTP listener.
     */
    public static URI healthReady() {
        return URI.create(required("mailwire.it.health-ready-url"));
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
