package dev.mailwire.bench.report;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every measurement of one run, looked up by what it measured. */
public final class Results {

    private final List<Measurement> all = new ArrayList<>();

    public void add(Measurement m) {
        all.add(m);
    }

    public List<Measurement> all() {
        return List.copyOf(all);
    }

    /** The scenarios that sent nothing at all: shown as failed in the report, and the run exits non-zero. */
    public List<Measurement> failed() {
        return all.stream().filter(m -> m.messages() == 0).toList();
    }

    /** The measurement without a variant for this client, server, size and thread count, if it ran and sent. */
    public Optional<Measurement> find(String client, String target, String payload, int threads) {
        return find(client, target, payload, threads, "");
    }

    public Optional<Measurement> find(String client, String target, String payload, int threads, String variant) {
        return all.stream()
                .filter(m -> {
                    Scenario s = m.scenario();
                    return s.client().equals(client)
                            && s.target().key().equals(target)
                            && s.payload().label().equals(payload)
                            && s.threads() == threads
                            && s.variant().equals(variant);
                })
                .filter(m -> m.messages() > 0)
                .findFirst();
    }

    /** {@code a}'s median throughput over {@code b}'s, if both ran. */
    public static Optional<Double> ratio(Optional<Measurement> a, Optional<Measurement> b) {
        if (a.isEmpty() || b.isEmpty() || b.get().median() == 0) {
            return Optional.empty();
        }
        return Optional.of(a.get().median() / b.get().median());
    }
}
