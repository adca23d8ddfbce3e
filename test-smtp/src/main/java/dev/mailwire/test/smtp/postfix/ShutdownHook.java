package dev.mailwire.test.smtp.postfix;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook for all instances: a test that fails or forgets {@code close()} must not leave a Postfix
 * running on the machine after the JVM ends (a daemonized master outlives the JVM that started it).
 */
final class ShutdownHook {

    private static final Set<PrivatePostfix> INSTANCES = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private ShutdownHook() {}

    static synchronized void register(PrivatePostfix postfix) {
        if (!installed) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownHook::stopAll, "mailwire-postfix-shutdown"));
            installed = true;
        }
        INSTANCES.add(postfix);
    }

    static void unregister(PrivatePostfix postfix) {
        INSTANCES.remove(postfix);
    }

    private static void stopAll() {
        for (PrivatePostfix postfix : List.copyOf(INSTANCES)) {
            try {
                postfix.stop();
            } catch (RuntimeException e) {
                System.err.println("mailwire: could not stop " + postfix + ": " + e);
            }
        }
    }
}
