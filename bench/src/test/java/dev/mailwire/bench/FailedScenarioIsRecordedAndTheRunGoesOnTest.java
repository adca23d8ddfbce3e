package dev.mailwire.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.report.Results;
import dev.mailwire.bench.server.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 16: waiting for Postfix's queue threw in the middle of a group, the exception left the bench's loop and the
 * whole run was lost. A group whose measuring throws must come out as failed scenarios carrying the error, be tried
 * once more scenario by scenario like any scenario that sent nothing, and the groups after it must still be measured.
 */
class FailedScenarioIsRecordedAndTheRunGoesOnTest {

    private static final String QUEUE_FILE = "bench-work/postfix/postfix-2525-1/queue/active/A365B25C6A0";

    private final Target postfix = Target.plain("postfix", "Postfix", 2525);
    private final Timing timing = new Timing(Duration.ZERO, Duration.ofMillis(1), 1);
    private final Scenario first = scenario("Raw client", 1);
    private final Scenario broken1 = scenario("Vert.x pool", 1);
    private final Scenario broken8 = scenario("Vert.x pool", 8);
    private final Scenario after = scenario("Reused transport", 1);

    @Test
    @Timeout(10)
    void theThrowingGroupIsRecordedAsFailedAndTheNextGroupIsMeasured() throws InterruptedException {
        List<List<Scenario>> calls = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PlanRunner runner = new PlanRunner(
                group -> {
                    calls.add(group);
                    if (group.contains(broken1) || group.contains(broken8)) {
                        throw new UncheckedIOException(new NoSuchFileException(QUEUE_FILE));
                    }
                    return group.stream().map(this::sent).toList();
                },
                new PrintStream(console, true, StandardCharsets.UTF_8));

        Results results = runner.run(List.of(List.of(first), List.of(broken1, broken8), List.of(after)));

        assertThat(results.all()).extracting(Measurement::scenario).containsExactly(first, broken1, broken8, after);
        assertThat(results.failed()).extracting(Measurement::scenario).containsExactly(broken1, broken8);
        assertThat(results.failed())
                .extracting(Measurement::error)
                .allSatisfy(error -> assertThat(error)
                        .isEqualTo("java.io.UncheckedIOException: java.nio.file.NoSuchFileException: " + QUEUE_FILE));
        assertThat(calls)
                .as("the broken group, then each of its scenarios once more alone, then the next group")
                .containsExactly(
                        List.of(first), List.of(broken1, broken8), List.of(broken1), List.of(broken8), List.of(after));
        assertThat(console.toString(StandardCharsets.UTF_8))
                .as("the stack trace is on the console for whoever reads the run")
                .contains("at dev.mailwire.bench.FailedScenarioIsRecordedAndTheRunGoesOnTest");
    }

    private Scenario scenario(String client, int threads) {
        return new Scenario(client, postfix, Payload.of("1 KB", 1024), threads, timing);
    }

    private Measurement sent(Scenario s) {
        return new Measurement(s, new double[] {500}, 500, 0, 1_000_000, 3_000_000, 40, 90, null);
    }
}
