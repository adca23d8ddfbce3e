package dev.mailwire.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.server.Target;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SIGTERM to bench/run.sh runs the shutdown hooks, which stop the servers and interrupt the bench's main thread.
 * The run must stop there, not go on measuring every remaining scenario against stopped servers as failures (and
 * then write that into the report).
 */
class InterruptedRunStopsBeforeTheNextGroupTest {

    private final Target sink = Target.plain("plain-sink", "smtp-sink", 2525);
    private final Timing timing = new Timing(Duration.ZERO, Duration.ofMillis(1), 1);

    @Test
    @Timeout(10)
    void noGroupIsMeasuredAfterTheInterrupt() {
        Scenario first = new Scenario("Raw client", sink, Payload.of("1 KB", 1024), 1, timing);
        Scenario second = new Scenario("Raw client", sink, Payload.of("1 KB", 1024), 8, timing);
        List<Scenario> measured = new ArrayList<>();
        PlanRunner runner = new PlanRunner(
                group -> {
                    measured.addAll(group);
                    Thread.currentThread().interrupt(); // what BenchMain's shutdown hook does, mid-group
                    return group.stream()
                            .map(s -> new Measurement(s, new double[] {1}, 1, 0, 1, 1, 1, 1, null))
                            .toList();
                },
                new PrintStream(OutputStream.nullOutputStream()));

        try {
            assertThatThrownBy(() -> runner.run(List.of(List.of(first), List.of(second))))
                    .isInstanceOf(InterruptedException.class)
                    .hasMessage("the run was interrupted after 1 of 2 scenarios");
            assertThat(measured).containsExactly(first);
        } finally {
            Thread.interrupted(); // leave JUnit's thread as it was
        }
    }
}
