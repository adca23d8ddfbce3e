package dev.mailwire.it.support;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One private Postfix (STARTTLS required, AUTH) for every test class of the run, started before Arquillian deploys
 * anything so that {@code @Deployment} methods can write its port into the application's configuration.
 *
 * <p>Register it before {@code ArquillianExtension} ({@link ServerTest} does): JUnit runs {@code beforeAll} callbacks
 * in declaration order, and Arquillian calls the {@code @Deployment} method from its own. The instance lives in the
 * root store, so JUnit closes it (stops Postfix) when the whole run ends.
 */
public final class SharedPostfix implements BeforeAllCallback {

    /** Logins, one per test class, so each class's connections are its own sub-pool on the server. */
    public static final String[] USERS = {
        "bulk",
        "alice",
        "bob",
        "cycle",
        "config",
        "cmt",
        "flush",
        "healthdefault",
        "healthbilling",
        "userwar",
        "userasync",
        "operatorapp",
        "envelope"
    };

    public static final String PASSWORD = "it-secret";

    private static volatile PrivatePostfix instance;

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        instance = holder.postfix;
    }

    /** The running Postfix; only after this extension's {@code beforeAll}. */
    public static PrivatePostfix postfix() {
        PrivatePostfix p = instance;
        if (p == null) {
            throw new IllegalStateException("SharedPostfix has not run: annotate the test class with @ServerTest");
        }
        return p;
    }

    // AutoCloseable: JUnit (5.13+) closes store values that implement it when their context ends.
    private static final class Holder implements AutoCloseable {
        final PrivatePostfix postfix;

        Holder() {
            var builder = PrivatePostfix.builder().deleteOnClose(false);
            for (String user : USERS) {
                builder.user(user, PASSWORD);
            }
            postfix = builder.start();
        }

        @Override
        public void close() {
            postfix.close();
            instance = null;
        }
    }
}
