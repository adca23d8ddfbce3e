package dev.mailwire.bench;

import dev.mailwire.bench.harness.Measurement;
import java.util.Locale;

/** One measurement as a console line. */
final class Summary {

    private Summary() {}

    static String of(Measurement m) {
        if (m.messages() == 0) {
            return "FAILED " + m.error();
        }
        return String.format(
                Locale.ROOT,
                "%,.0f msg/s ±%.0f%%, p50 %.2f ms, p99 %.2f ms, client %.0f µs/msg, machine %.0f µs/msg%s",
                m.median(),
                m.spreadPercent(),
                m.p50Nanos() / 1e6,
                m.p99Nanos() / 1e6,
                m.clientCpuMicros(),
                m.machineCpuMicros(),
                m.errors() > 0 ? ", " + m.errors() + " ERRORS: " + m.error() : "");
    }
}
