package dev.mailwire.cdi.internal;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI with what a test binds in it, standing in for an application server's {@code java:comp}: installed as the
 * initial context factory while a test runs, removed after, so other tests see no JNDI at all as in a plain JVM.
 */
public final class ServerJndi implements InitialContextFactory, AutoCloseable {

    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    /** Installs this JNDI with {@code bindings}; close it to remove it again. */
    public static ServerJndi with(Map<String, Object> bindings) {
        BOUND.clear();
        BOUND.putAll(bindings);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerJndi.class.getName());
        return new ServerJndi();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(
                ServerJndi.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "lookup":
                            Object found = BOUND.get(String.valueOf(args[0]));
                            if (found == null) {
                                throw new NameNotFoundException(String.valueOf(args[0]));
                            }
                            return found;
                        case "close":
                            return null;
                        default:
                            throw new OperationNotSupportedException(method.getName());
                    }
                });
    }

    @Override
    public void close() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BOUND.clear();
    }
}
