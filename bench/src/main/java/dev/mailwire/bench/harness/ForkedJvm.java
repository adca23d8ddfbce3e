package dev.mailwire.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs a main class in a JVM of its own, on this JVM's class path, and returns its line starting with RESULT. */
public final class ForkedJvm {

    private ForkedJvm() {}

    /**
     * @return the child's {@code RESULT ...} line, or {@code RESULT failed <why>} when it printed none or timed out
     */
    public static String run(List<String> jvmOptions, Class<?> main, List<String> args, Duration timeout)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // A SIGTERM to the bench runs its shutdown hooks and nothing else: without this one the child runs on,
        // orphaned.
        Thread stopAtExit = new Thread(p::destroyForcibly, "forked-jvm-shutdown");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        AtomicBoolean killed = new AtomicBoolean();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                            killed.set(true);
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        p.destroyForcibly();
                    }
                },
                "forked-jvm-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            // Read while it runs (a child whose output fills the pipe would block); ends when the child does.
            byte[] output = p.getInputStream().readAllBytes();
            p.waitFor();
            if (killed.get()) {
                return "RESULT failed timed out after " + timeout;
            }
            String text = new String(output, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    return line.trim();
                }
            }
            String tail = text.length() > 600 ? text.substring(text.length() - 600) : text;
            return "RESULT failed no result from " + main.getSimpleName() + ": " + tail.replace('\n', ' ');
        } finally {
            p.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs anyway
            }
        }
    }
}
