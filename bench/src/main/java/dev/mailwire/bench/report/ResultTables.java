package dev.mailwire.bench.report;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measurement tables: one per message size and server, rows in the order they were measured. */
final class ResultTables {

    private ResultTables() {}

    static void write(StringBuilder md, Results results) {
        Map<String, Map<String, List<Measurement>>> bySizeAndServer = new LinkedHashMap<>();
        for (Measurement m : results.all()) {
            Scenario s = m.scenario();
            bySizeAndServer
                    .computeIfAbsent(s.payload().label(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.target().label(), k -> new java.util.ArrayList<>())
                    .add(m);
        }
        bySizeAndServer.forEach((size, byServer) -> byServer.forEach((server, rows) -> {
            md.append("\n### ")
                    .append(size)
                    .append(" messages → ")
                    .append(server)
                    .append("\n\n");
            md.append("| client | threads | msg/s (median) | spread | p50 ms | p99 ms | client CPU µs/msg"
                    + " | machine CPU µs/msg |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Measurement m : rows) {
                row(md, m);
            }
        }));
    }

    private static void row(StringBuilder md, Measurement m) {
        Scenario s = m.scenario();
        String client = s.client() + (s.variant().isEmpty() ? "" : " (" + s.variant() + ")");
        if (m.messages() == 0) {
            md.append("| ")
                    .append(client)
                    .append(" | ")
                    .append(s.threads())
                    .append(" | failed: ")
                    .append(Format.failure(m.error()))
                    .append(" | | | | | |\n");
            return;
        }
        md.append("| ").append(client);
        md.append(" | ").append(s.threads());
        md.append(" | ").append(Format.rate(m.median()));
        md.append(" | ").append(Format.percent(m.spreadPercent()));
        md.append(" | ").append(Format.millis(m.p50Nanos()));
        md.append(" | ").append(Format.millis(m.p99Nanos()));
        md.append(" | ").append(Format.micros(m.clientCpuMicros()));
        md.append(" | ").append(Format.micros(m.machineCpuMicros()));
        md.append(m.errors() > 0 ? " ⚠ " + m.errors() + " errors" : "");
        md.append(" |\n");
    }
}
