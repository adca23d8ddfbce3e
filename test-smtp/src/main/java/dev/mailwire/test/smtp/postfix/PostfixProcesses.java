package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the processes of one Postfix instance through {@code /proc}, so that stopping an instance can make sure
 * none of its processes is left, without touching any other instance or the system's Postfix.
 *
 * <p>An instance is recognised by its environment: {@code postfix -c DIR} exports {@code MAIL_CONFIG=DIR}, and the
 * master passes it on to every daemon it spawns (it is in Postfix's default {@code import_environment}). That still
 * identifies an smtpd whose master is gone, where the process group or parent would not.
 */
final class PostfixProcesses {

    private static final String MAIL_CONFIG = "MAIL_CONFIG=";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    private PostfixProcesses() {}

    /** The live (not zombie) processes started for the instance whose configuration directory is {@code config}. */
    static List<ProcessHandle> of(Path config) {
        return byConfig().getOrDefault(config.toString(), List.of());
    }

    /** Every live Postfix process on this machine that was started with {@code -c}, by configuration directory. */
    private static Map<String, List<ProcessHandle>> byConfig() {
        Map<String, List<ProcessHandle>> byConfig = new HashMap<>();
        List<Path> processes;
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            processes = entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList();
        } catch (IOException e) {
            return byConfig; // no /proc: nothing we can find
        }
        for (Path proc : processes) {
            Optional<String> config = isLive(proc) ? mailConfig(proc) : Optional.empty();
            Optional<ProcessHandle> handle =
                    ProcessHandle.of(Long.parseLong(proc.getFileName().toString()));
            if (config.isPresent() && handle.isPresent()) {
                byConfig.computeIfAbsent(config.get(), c -> new ArrayList<>()).add(handle.get());
            }
        }
        return byConfig;
    }

    /**
     * Waits until the instance has no live process; returns whether it got there within {@code timeout}. It takes
     * two empty scans in a row: a scan lists {@code /proc} first and looks at each entry after, so a child the master
     * forked just before it died can be missing from the first list, never from a list made after.
     */
    static boolean awaitNone(Path config, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int emptyScans = 0;
        while (emptyScans < 2) {
            emptyScans = of(config).isEmpty() ? emptyScans + 1 : 0;
            // Only while processes are still seen: after an empty scan the confirming one always runs. On a loaded
            // machine one scan of /proc can outlast a short timeout, and killAll then reported "survived: []".
            if (emptyScans == 0 && System.nanoTime() > deadline) {
                return false;
            }
            if (emptyScans == 0) {
                sleep(5);
            }
        }
        return true;
    }

    /**
     * SIGKILL to every process of the instance, repeated until none is left (a master killed mid-fork may leave a
     * child that was not there at the first look); throws if some survive {@code KILL_TIMEOUT}.
     */
    static void killAll(Path config) {
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        do {
            List<ProcessHandle> left = of(config);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Postfix processes of " + config + " survived SIGKILL: "
                        + left.stream().map(ProcessHandle::pid).toList());
            }
            left.forEach(ProcessHandle::destroyForcibly);
        } while (!awaitNone(config, Duration.ofMillis(100)));
    }

    /**
     * Kills instances under {@code baseDir} whose JVM died without its shutdown hook (SIGKILL, a surefire fork
     * timeout): each instance directory names its owner JVM in {@code ownerFile}.
     */
    static void reapOrphans(Path baseDir, String ownerFile) {
        byConfig().forEach((config, processes) -> {
            Path instance = Path.of(config).getParent();
            if (instance != null && baseDir.equals(instance.getParent()) && !ownerAlive(instance.resolve(ownerFile))) {
                processes.forEach(ProcessHandle::destroyForcibly);
            }
        });
    }

    private static boolean ownerAlive(Path ownerFile) {
        try {
            long pid = Long.parseLong(Files.readString(ownerFile).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return true; // unreadable: do not kill what we cannot attribute
        }
    }

    /**
     * A zombie still answers {@code kill -0}; in a container whose PID 1 does not reap, a stopped master stays a
     * zombie for seconds. It holds no socket or lock, so it counts as gone.
     */
    private static boolean isLive(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
            int afterName = stat.lastIndexOf(')');
            char state = stat.charAt(afterName + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> mailConfig(Path proc) {
        try {
            byte[] environ = Files.readAllBytes(proc.resolve("environ"));
            for (String variable : new String(environ, StandardCharsets.UTF_8).split("\0")) {
                if (variable.startsWith(MAIL_CONFIG)) {
                    return Optional.of(variable.substring(MAIL_CONFIG.length()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone meanwhile, or not ours to read
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Postfix processes to exit", e);
        }
    }
}
