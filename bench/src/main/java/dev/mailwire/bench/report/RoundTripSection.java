package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.RAW_LOCKSTEP;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;
import static dev.mailwire.bench.clients.ClientKind.SIMPLE_JAVA_MAIL;
import static dev.mailwire.bench.clients.ClientKind.VERTX;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.clients.MailwireContainer;
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

    /** One row: a client at a thread count (and variant), compared with the reused transport at {@code baseThreads}. */
    private record Row(String label, ClientKind kind, int threads, String variant, int baseThreads) {

        Row(ClientKind kind, int threads) {
            this(kind.label(), kind, threads, "", threads);
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row(REUSED_TRANSPORT, 1),
            new Row(MAILWIRE_CDI, 1),
            new Row(
                    MAILWIRE_CDI.label() + ", 1 connection (`" + MailwireContainer.ONE_CONNECTION_VARIANT
                            + "`, 8 callers)",
                    MAILWIRE_CDI,
                    8,
                    MailwireContainer.ONE_CONNECTION_VARIANT,
                    1),
            new Row(SIMPLE_JAVA_MAIL, 1),
            new Row(VERTX, 1),
            new Row(RAW_LOCKSTEP, 1),
            new Row(RAW_PIPELINED, 1),
            new Row(REUSED_TRANSPORT, 8),
            new Row(MAILWIRE_CDI, 8),
            new Row(SIMPLE_JAVA_MAIL, 8),
            new Row(VERTX, 8),
            new Row(RAW_PIPELINED, 8));

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
                + " count (for Mailwire's one connection: to one reused SMTPTransport, 1 thread; a transport shared by"
                + " 8 callers would send no faster, its `sendMessage` is synchronized). At 50 ms each scenario gets"
                + " three windows of 2 s instead of five of 1.2 s. Every"
                + " scenario's spread, latency and CPU are in the Measurements tables below.\n\n");
        md.append("| client | threads");
        roundTrips.forEach(t -> md.append(" | ").append(t.millis()).append(" ms"));
        md.append(" |\n|---|---:");
        roundTrips.forEach(t -> md.append("|---:"));
        md.append("|\n");
        for (Row row : ROWS) {
            if (roundTrips.stream().allMatch(t -> find(r, row, t).isEmpty())) {
                continue;
            }
            md.append("| ").append(row.label()).append(" | ").append(row.threads());
            for (RoundTrip t : roundTrips) {
                Optional<Measurement> m = find(r, row, t);
                md.append(" | ").append(m.map(x -> Format.rate(x.median())).orElse("–"));
                if (row.kind() != REUSED_TRANSPORT) {
                    Results.ratio(m, find(r, new Row(REUSED_TRANSPORT, row.baseThreads()), t))
                            .ifPresent(
                                    x -> md.append(" (").append(Format.ratio(x)).append(')'));
                }
            }
            md.append(" |\n");
        }
    }

    private static Optional<Measurement> find(Results r, Row row, RoundTrip t) {
        return r.find(row.kind().label(), t.target().key(), Goals.SIZE, row.threads(), row.variant());
    }

    private static boolean isRoundTrip(Measurement m, List<RoundTrip> roundTrips) {
        return roundTrips.stream().anyMatch(t -> t.target().equals(m.scenario().target()));
    }
}
