package dev.mailwire.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.clients.MailwireContainer;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.server.RoundTrip;
import dev.mailwire.bench.server.Target;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P6 and P7 (issue 12) are ratios of one run's rows at 10 ms RTT, never at another round-trip time: the rows at 0 ms
 * here would fail both. P6's Mailwire is its one connection shared by 8 callers, against one reused transport; P7
 * takes the faster of the two pooled peers. P8 is a verdict only when Mailwire keeps a
 * window in flight; otherwise it says "not attempted" and shows its ratio as a measurement.
 */
class RoundTripGoalsAreJudgedAtTenMillisecondsTest {

    private final Timing timing = new Timing(Duration.ZERO, Duration.ofSeconds(1), 1);
    private final RoundTrip zero = link(0);
    private final RoundTrip ten = link(10);
    private final Results results = new Results();

    @Test
    void p6AndP7AreTheRatiosAtTenMilliseconds() {
        rows(zero, 700, 100, 100, 900, 500, 400);
        rows(ten, 20, 30, 70, 300, 150, 200);

        List<Goal> goals = RoundTripGoals.judge(results, List.of(zero, ten), false);

        assertThat(goals).extracting(Goal::id).containsExactly("P6", "P7", "P8");
        assertThat(goals.get(0).verdict()).isEqualTo(Goal.Verdict.PASS); // one connection: 70 / 20 = 3.5
        assertThat(goals.get(0).measured()).startsWith("postfix-rtt10ms: 3.50× (1 thread: 1.50×");
        assertThat(goals.get(1).verdict()).isEqualTo(Goal.Verdict.PASS); // 300 / 200 (Vert.x, the faster peer)
        assertThat(goals.get(1).measured()).isEqualTo("postfix-rtt10ms: 1.50× Vert.x mail client, pooled");
        assertThat(goals.get(2).verdict()).isEqualTo(Goal.Verdict.NOT_ATTEMPTED);
        assertThat(goals.get(2).measured()).endsWith("Mailwire's 1 connection at 10 ms / at 0 ms: 0.70×");
    }

    @Test
    void belowTheTargetsTheyFailAndWithAWindowP8IsJudged() {
        rows(zero, 700, 100, 100, 900, 500, 400);
        rows(ten, 20, 30, 60, 230, 150, 200);

        List<Goal> goals = RoundTripGoals.judge(results, List.of(zero, ten), true);

        assertThat(goals)
                .extracting(Goal::verdict)
                .containsExactly(Goal.Verdict.FAIL, Goal.Verdict.FAIL, Goal.Verdict.PASS); // 3.0, 1.15, 0.6
    }

    private void rows(
            RoundTrip t,
            double reused1,
            double mailwire1,
            double mailwireOneConnection,
            double mailwire8,
            double simple8,
            double vertx8) {
        add(t, ClientKind.REUSED_TRANSPORT, 1, reused1);
        add(t, ClientKind.MAILWIRE_CDI, 1, mailwire1);
        add(t, ClientKind.MAILWIRE_CDI, 8, mailwireOneConnection, MailwireContainer.ONE_CONNECTION_VARIANT);
        add(t, ClientKind.MAILWIRE_CDI, 8, mailwire8);
        add(t, ClientKind.SIMPLE_JAVA_MAIL, 8, simple8);
        add(t, ClientKind.VERTX, 8, vertx8);
    }

    private void add(RoundTrip t, ClientKind client, int threads, double rate) {
        add(t, client, threads, rate, "");
    }

    private void add(RoundTrip t, ClientKind client, int threads, double rate, String variant) {
        Scenario s = new Scenario(client.label(), t.target(), Payload.of("1 KB", 1024), threads, timing, variant);
        results.add(new Measurement(s, new double[] {rate}, (long) rate, 0, 1, 1, 1, 1, null));
    }

    private static RoundTrip link(int millis) {
        Target postfix = Target.plain("postfix", "Postfix", 2525);
        return new RoundTrip(
                Duration.ofMillis(millis),
                postfix.through("postfix-rtt" + millis + "ms", "Postfix at " + millis, 4000));
    }
}
