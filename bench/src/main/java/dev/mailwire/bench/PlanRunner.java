package dev.mailwire.bench;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.report.Results;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Measures the plan group by group, and no failure loses the run (issue 16: one {@code NoSuchFileException} while
 * waiting for Postfix's queue ended a run at scenario 47 of 72, without a report). A group whose measuring throws is
 * recorded with each of its scenarios failed and the error, its stack trace goes to the console, and the run goes on
 * with the next group; {@code BenchMain} exits non-zero at the end when a scenario failed.
 */
final class PlanRunner {

    /** Measures scenarios compared with each other; one measurement per scenario, in their order. */
    @FunctionalInterface
    interface GroupMeasure {
        List<Measurement> measure(List<Scenario> group) throws InterruptedException;
    }

    private final GroupMeasure measure;
    private final PrintStream console;

    PlanRunner(GroupMeasure measure, PrintStream console) {
        this.measure = measure;
        this.console = console;
    }

    Results run(List<List<Scenario>> groups) throws InterruptedException {
        int total = groups.stream().mapToInt(List::size).sum();
        Results results = new Results();
        long started = System.nanoTime();
        int done = 0;
        for (List<Scenario> group : groups) {
            if (Thread.interrupted()) { // BenchMain's shutdown hook: the servers are being stopped
                throw new InterruptedException("the run was interrupted after " + done + " of " + total + " scenarios");
            }
            for (Measurement m : measureOrRecordFailure(group)) {
                Scenario s = m.scenario();
                if (m.messages() == 0) {
                    // A client that sent nothing at all gets one more chance with a fresh instance (the Vert.x client
                    // at 8 threads against the TLS sink sometimes stalls right after STARTTLS, both sides waiting).
                    console.println("    retrying once: " + s.name() + ": " + m.error());
                    m = measureOrRecordFailure(List.of(s)).get(0);
                }
                results.add(m);
                console.printf(
                        "[%d/%d %3ds] %s: %s%n",
                        ++done,
                        total,
                        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                        s.name(),
                        Summary.of(m));
            }
        }
        return results;
    }

    /**
     * Errors are caught too: an {@code AssertionError} from a test server's helper or an {@code OutOfMemoryError} of
     * a 10 MB scenario ends that group only; its clients are closed and their memory is free again by now.
     */
    private List<Measurement> measureOrRecordFailure(List<Scenario> group) throws InterruptedException {
        try {
            return measure.measure(group);
        } catch (RuntimeException | Error e) {
            console.println("    measuring failed; recorded as failed, the run goes on:");
            e.printStackTrace(console);
            return group.stream().map(s -> Measurement.failed(s, e.toString())).toList();
        }
    }
}
