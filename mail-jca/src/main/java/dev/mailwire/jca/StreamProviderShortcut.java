package dev.mailwire.jca;

import java.util.logging.Logger;

/**
 * Spares every message a ServiceLoader scan. jakarta.mail-api 2.1.x looks up its {@code StreamProvider} on each
 * encoder it creates (mail-api issue #861); measured here, that lookup took about half of a sending thread's CPU
 * against a fast server. Naming the provider in the system property it reads first turns the scan into one class
 * lookup.
 *
 * <p>Only without an application server: the property is JVM-wide, and jakarta.mail-api fails (rather than falling
 * back to the scan) for a thread whose context class loader cannot load the named class, which in a server could
 * break another application's mail. A property the application already set is never changed.
 */
final class StreamProviderShortcut {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final Logger LOG = Logger.getLogger(StreamProviderShortcut.class.getName());

    private StreamProviderShortcut() {}

    static synchronized void installIfAbsent() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS_PROVIDER, false, StreamProviderShortcut.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return; // another Jakarta Mail implementation: leave its lookup alone
        }
        System.setProperty(PROPERTY, ANGUS_PROVIDER);
        LOG.fine(() -> "Set " + PROPERTY + "=" + ANGUS_PROVIDER + " to avoid a ServiceLoader scan per message");
    }
}
