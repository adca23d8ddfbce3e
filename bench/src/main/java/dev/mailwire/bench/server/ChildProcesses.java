package dev.mailwire.bench.server;

import java.util.concurrent.TimeUnit;

/** Stops the server processes the bench starts. */
final class ChildProcesses {

    private ChildProcesses() {}

    /**
     * Asks {@code process} to stop, kills it after 2 s, then drops the shutdown hook that would have stopped it at
     * exit (unless the JVM is already exiting, when the hook runs anyway).
     */
    static void stop(Process process, Thread shutdownHook) {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }
}
