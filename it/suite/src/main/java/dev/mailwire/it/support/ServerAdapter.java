package dev.mailwire.it.support;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Everything the suite needs to know about one server that its module's build cannot pass as a plain value: one small
 * implementation per server module ({@code src/test/java}), registered in
 * {@code META-INF/services/dev.mailwire.it.support.ServerAdapter} there and found by {@link ServerUnderTest}. Values
 * the module's setup scripts share (JNDI name, pool size, health URL) stay failsafe system properties, so the build
 * states them once.
 */
public interface ServerAdapter {

    /** A short name for messages: {@code wildfly}, {@code payara}, {@code liberty}. */
    String name();

    /**
     * The application as this server needs it to see the RAR's classes ({@code dev.mailwire.*}), for the archives the
     * suite builds. Servers that give an application the RAR's classes by configuration return {@code war} as it is.
     */
    WebArchive seeingTheRar(WebArchive war);

    /** A pattern matching the names of the threads of the server's default managed executor. */
    String managedExecutorThreads();

    /**
     * Asks the server to close now the idle connections of the pool behind {@link ServerUnderTest#connectionFactory()},
     * as the pool's idle timeout would later: the pool destroys ({@code ManagedConnection.destroy}) every connection
     * no one holds and leaves held ones open. A test that waits for a pool to close what no deployment holds any more
     * then need not wait out the timeout (WildFly's is at least a minute, checked every half minute). Returns whether
     * the server did; by default it has no such command and the idle timeout does the same later.
     */
    default boolean closeIdleConnections() {
        return false;
    }
}
