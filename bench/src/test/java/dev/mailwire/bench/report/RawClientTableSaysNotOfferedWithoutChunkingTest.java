package dev.mailwire.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.server.Target;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The raw client's table (issue 12) puts the BDAT modes beside lock-step and PIPELINING per server. A server whose
 * EHLO has no CHUNKING says "not offered" in the BDAT cells; one that offers it but whose BDAT scenario did not run
 * or failed shows "–", as any missing measurement, so a failure never reads as a server limitation.
 */
class RawClientTableSaysNotOfferedWithoutChunkingTest {

    private final Timing timing = new Timing(Duration.ZERO, Duration.ofSeconds(1), 1);
    private final Target sink = Target.plain("plain-sink", "smtp-sink", 2525);
    private final Target postfix = Target.plain("postfix", "Postfix", 2526);
    private final Target postfix10 = postfix.through("postfix-rtt10ms", "Postfix at 10 ms", 4000);
    private final Results results = new Results();

    @Test
    void sinkCellsSayNotOfferedAndPostfixCellsShowRatesAndGains() {
        add(sink, ClientKind.RAW_LOCKSTEP, 5000);
        add(sink, ClientKind.RAW_PIPELINED_ENVELOPE, 10000);
        add(sink, ClientKind.RAW_PIPELINED, 18000);
        add(postfix, ClientKind.RAW_LOCKSTEP, 200);
        add(postfix, ClientKind.RAW_PIPELINED_ENVELOPE, 250);
        add(postfix, ClientKind.RAW_PIPELINED, 300);
        add(postfix, ClientKind.RAW_BDAT_AFTER_RCPT, 260);
        add(postfix, ClientKind.RAW_BDAT_WITH_ENVELOPE, 320);
        add(postfix, ClientKind.REUSED_TRANSPORT, 190);
        add(postfix10, ClientKind.RAW_LOCKSTEP, 22);
        add(postfix10, ClientKind.RAW_BDAT_AFTER_RCPT, 44);
        results.add(Measurement.failed(scenario(postfix10, ClientKind.RAW_BDAT_WITH_ENVELOPE), "554 5.5.1"));

        StringBuilder md = new StringBuilder();
        RawClientTable.write(md, results, List.of(sink, postfix, postfix10), Set.of("postfix", "postfix-rtt10ms"));

        assertThat(md.toString())
                .contains("| plain-sink | 5,000 | 10,000 | 18,000 | not offered | not offered | 2.00× | 3.60× | – | –"
                        + " | – |\n")
                .contains("| postfix | 200 | 250 | 300 | 260 | 320 | 1.25× | 1.50× | 1.30× | 1.60× | 0.95× |\n")
                .contains("| postfix-rtt10ms | 22.0 | – | – | 44.0 | – | – | – | 2.00× | – | – |\n");
    }

    private void add(Target t, ClientKind kind, double rate) {
        results.add(new Measurement(scenario(t, kind), new double[] {rate}, (long) rate, 0, 1, 1, 1, 1, null));
    }

    private Scenario scenario(Target t, ClientKind kind) {
        return new Scenario(kind.label(), t, Payload.of("1 KB", 1024), 1, timing);
    }
}
