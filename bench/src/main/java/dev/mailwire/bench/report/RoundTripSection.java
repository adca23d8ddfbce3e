package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.RAW_LOCKSTEP;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;
import static dev.mailwire.bench.clients.ClientKind.SIMPLE_JAVA_MAIL;
import static dev.mailwire.bench.clients.ClientKind.VERTX;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.server.RoundTrip;
import java.util.List;
import java.util.Optional;

/**
 * The round-trip section of the report (issue 12): each client's median msg/s at every round-trip time side by
 * side, and each against a reused SMTPTransport at the same RTT and thread count. Measurements, not verdicts: the
 * verdicts drawn from them are P6–P8 in the goals table.
 */
final class RoundTripSection {

    private static final List<ClientKind> CLIENTS =
            List.of(REUSED_TRANSPORT, MAILWIRE_CDI, SIMPLE_JAVA_MAIL, VERTX, RAW_LOCKSTEP, RAW_PIPELINED);

    private RoundTripSection() {}

    static void write(StringBuilder md, Results r, List<RoundTrip> roundTrips) {
        if (roundTrips.isEmpty() || r.all().stream().noneMatch(m -> isRoundTrip(m, roundTrips))) {
            return;
        }
        md.append("\n## Round trips: 1 KB to Postfix (STARTTLS + AUTH) through a delay link\n\n");
        md.append("Every client reaches the same private Postfix through an in-process TCP relay on 127.0.0.1 that"
                + " holds each direction's bytes for half the round-trip time (no bandwidth limit, order kept,"
                + " TCP_NODELAY on both sides; `bench/src/main/java/dev/mailwire/bench/server/DelayLink.java`);"
                + " 0 ms is the relay alone. Median msg/s, measured only (the verdicts are P6–P8 above); in"
                + " parentheses, the ratio to one reused SMTPTransport per thread at the same RTT and thread"
                + " count. At 50 ms each scenario gets three windows of 2 s instead of five of 1.2 s. Every"
                + " scenario's spread, latency and CPU are in the Measurements tables below.\n\n");
        md.append("| client | threads");
        roundTrips.forEach(t -> md.append(" | ").append(t.millis()).append(" ms"));
        md.append(" |\n|---|---:");
        roundTrips.forEach(t -> md.append("|---:"));
        md.append("|\n");
        for (int threads : new int[] {1, 8}) {
            for (ClientKind k : CLIENTS) {
                if (roundTrips.stream().allMatch(t -> find(r, k, t, threads).isEmpty())) {
                    continue;
                }
                md.append("| ").append(k.label()).append(" | ").append(threads);
                for (RoundTrip t : roundTrips) {
                    Optional<Measurement> m = find(r, k, t, threads);
                    md.append(" | ").append(m.map(x -> Format.rate(x.median())).orElse("–"));
                    if (k != REUSED_TRANSPORT) {
                        Results.ratio(m, find(r, REUSED_TRANSPORT, t, threads))
                                .ifPresent(x ->
                                        md.append(" (").append(Format.ratio(x)).append(')'));
                    }
                }
                md.append(" |\n");
            }
        }
    }

    private static Optional<Measurement> find(Results r, ClientKind k, RoundTrip t, int threads) {
        return r.find(k.label(), t.target().key(), Goals.SIZE, threads);
    }

    private static boolean isRoundTrip(Measurement m, List<RoundTrip> roundTrips) {
        return roundTrips.stream().anyMatch(t -> t.target().equals(m.scenario().target()));
    }
}
