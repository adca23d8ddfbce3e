package dev.mailwire.bench;

import dev.mailwire.bench.harness.Timing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Command-line options.
 *
 * <pre>
 * --report=FILE   where to write the Markdown report (run.sh: docs/performance.md)
 * --work=DIR      server logs, Postfix instances, the 100 MB file (default target/bench-work)
 * --quick         short windows, to check that every scenario works (numbers not meaningful)
 * --only=REGEX    only the scenarios whose name matches (e.g. "Vert.x.*tls-sink")
 * --skip-memory   skip P5 (the forked 100 MB send)
 * --skip-transactions   skip P4 (the forked commit-latency run)
 * </pre>
 */
public record BenchOptions(Path report, Path work, Timing timing, Pattern only, boolean memory, boolean transactions) {

    /**
     * Warm-up 1 s, then 5 windows of 1.2 s: about 7 s per scenario, near 10 minutes for the plan. Five short windows
     * rather than three long ones: their median shrugs off one window with a stall.
     */
    static final Timing FULL = new Timing(Duration.ofSeconds(1), Duration.ofMillis(1200), 5);

    public static final Timing QUICK = new Timing(Duration.ofMillis(200), Duration.ofMillis(400), 2);

    public static BenchOptions parse(String[] args) {
        Path report = Path.of("target/performance.md");
        Path work = Path.of("target/bench-work");
        Timing timing = FULL;
        Pattern only = null;
        boolean memory = true;
        boolean transactions = true;
        for (String a : args) {
            if (a.startsWith("--report=")) {
                report = Path.of(a.substring("--report=".length()));
            } else if (a.startsWith("--work=")) {
                work = Path.of(a.substring("--work=".length()));
            } else if (a.equals("--quick")) {
                timing = QUICK;
            } else if (a.startsWith("--only=")) {
                only = Pattern.compile(a.substring("--only=".length()));
            } else if (a.equals("--skip-memory")) {
                memory = false;
            } else if (a.equals("--skip-transactions")) {
                transactions = false;
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; see BenchOptions for the list");
            }
        }
        return new BenchOptions(report.toAbsolutePath(), work.toAbsolutePath(), timing, only, memory, transactions);
    }
}
