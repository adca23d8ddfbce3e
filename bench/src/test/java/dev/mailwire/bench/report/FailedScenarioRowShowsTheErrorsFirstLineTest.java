package dev.mailwire.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.server.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A failed scenario stays in docs/performance.md as one table row saying it failed and why. Errors can span lines
 * (test-smtp's {@code AssertionError} appends Postfix's log tail, SMTP replies end in a line break); only the first
 * line goes into the cell, or the rest would break the Markdown table.
 */
class FailedScenarioRowShowsTheErrorsFirstLineTest {

    private final Target postfix = Target.plain("postfix", "Postfix, STARTTLS+AUTH", 2525);
    private final Timing timing = new Timing(Duration.ZERO, Duration.ofMillis(1), 1);

    @Test
    void theRowSaysFailedWithTheFirstLineOnly() {
        Scenario failing = new Scenario("Vert.x pool", postfix, Payload.of("1 KB", 1024), 8, timing);
        Scenario measured = new Scenario("Raw client", postfix, Payload.of("1 KB", 1024), 1, timing);
        Results results = new Results();
        results.add(Measurement.failed(
                failing,
                "java.lang.AssertionError: expected 1 message(s) within PT10S, found 0; last Postfix log lines:\n"
                        + "Dec  6 06:40:01 mailwire-test postfix/qmgr[77]: A365B25C6A0: removed\n"));
        results.add(new Measurement(measured, new double[] {812}, 812, 0, 1_200_000, 2_500_000, 40, 90, null));

        StringBuilder md = new StringBuilder();
        ResultTables.write(md, results);

        assertThat(md.toString())
                .contains("| Vert.x pool | 8 | failed: java.lang.AssertionError: expected 1 message(s) within PT10S,"
                        + " found 0; last Postfix log lines: | | | | | |\n")
                .doesNotContain("A365B25C6A0")
                .contains("| Raw client | 1 | 812 |");
    }
}
