package dev.mailwire.it.reliability.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How long the soak runs: {@code ci} (every build, a few minutes) or {@code full} (the numbers, by hand:
 * {@code -Dreliability.soak=full}). The CI numbers are chosen to still prove each property: a restart or kill lands
 * at a random point of the load every time, so 20 restarts and 5 kills already hit every phase of a send (connect,
 * TLS, AUTH, envelope, DATA, after the final dot) several times over; the full run repeats it to show no drift.
 *
 * @param restarts Postfix stop/start cycles under load
 * @param kills application JVMs killed with SIGKILL under load
 * @param senders threads committing transactions during the restarts
 */
public record Soak(String name, int restarts, int kills, int senders) {

    public static final Soak CI = new Soak("ci", 20, 5, 4);
    public static final Soak FULL = new Soak("full", 100, 20, 4);

    public static Soak current() {
        String v = System.getProperty("reliability.soak", "ci").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "ci" -> CI;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("reliability.soak must be ci or full, not '" + v + "'");
        };
    }

    /** Where this variant writes its report: target/ for CI, docs/ for the full soak. */
    public Path report() {
        String key = "reliability.report." + name;
        return Path.of(System.getProperty(key, "target/reliability-" + name + ".md"));
    }

    /** Scratch space for this variant (report fragments, node logs). */
    public static Path work() {
        return Path.of(System.getProperty("reliability.work", "target/reliability"));
    }

    /** How long the JVM under load lives before its kill: random in this range. */
    public Duration minUptime() {
        return Duration.ofMillis(600);
    }

    public Duration maxUptime() {
        return Duration.ofMillis(2500);
    }
}
