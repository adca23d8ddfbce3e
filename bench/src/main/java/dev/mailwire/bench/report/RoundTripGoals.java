package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;
import static dev.mailwire.bench.clients.ClientKind.SIMPLE_JAVA_MAIL;
import static dev.mailwire.bench.clients.ClientKind.VERTX;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.clients.MailwireContainer;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.server.RoundTrip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The goals of issue 12, judged from the round-trip scenarios of the same run (1 KB to Postfix, STARTTLS + AUTH,
 * through the delay links): P6 and P7 at 10 ms. P6's "1 connection" is Mailwire's pool of one shared by 8 callers
 * (so the connection has its next mail ready, as the outbox dispatcher has) against one reused SMTPTransport, whose
 * synchronized {@code sendMessage} would serve 8 callers no faster; the 1-thread ratio is shown beside it. P8 (the
 * stretch goal) only where Mailwire keeps a window of transactions in flight, else reported as not attempted with
 * its ratio as a measurement only.
 */
public final class RoundTripGoals {

    /** The round-trip time P6 and P7 are judged at; the raw client's table adds its row for Postfix at it. */
    public static final Duration AT = Duration.ofMillis(10);

    static final double P6_MIN = 3.5;
    static final double P7_MIN = 1.2;
    static final double P8_MIN = 0.5;

    private RoundTripGoals() {}

    /** @param windowInFlight whether Mailwire's mailers were set to keep several transactions in flight */
    public static List<Goal> judge(Results r, List<RoundTrip> roundTrips, boolean windowInFlight) {
        List<Goal> goals = new ArrayList<>();
        Optional<String> at = key(roundTrips, AT);
        Optional<String> loopback = key(roundTrips, Duration.ZERO);
        if (at.isEmpty()) {
            return goals;
        }
        String k = at.get();
        String p6 = "10 ms RTT, 1 connection: Mailwire (`" + MailwireContainer.ONE_CONNECTION_VARIANT
                + "`, 8 callers) ≥ " + Goals.fmt(P6_MIN) + "× a reused SMTPTransport";
        Optional<Double> x6 = ratio(oneConnection(r, k), reused(r, k, 1));
        goals.add(x6.map(x -> Goal.of(
                        "P6",
                        p6,
                        k + ": " + Goals.fmt(x) + "× (1 thread: " + ratioText(r, MAILWIRE_CDI, k) + "×; raw pipelined"
                                + " client: " + ratioText(r, RAW_PIPELINED, k) + "×)",
                        x >= P6_MIN))
                .orElseGet(() -> notMeasured("P6", p6)));

        String p7 = "10 ms RTT, 8 threads: Mailwire ≥ " + Goals.fmt(P7_MIN) + "× the best pooled peer";
        Optional<Measurement> peer = bestPeer(r, k);
        Optional<Double> x7 = ratio(r.find(MAILWIRE_CDI.label(), k, Goals.SIZE, 8), peer);
        goals.add(x7.map(x -> Goal.of(
                        "P7",
                        p7,
                        k + ": " + Goals.fmt(x) + "× " + peer.get().scenario().client(),
                        x >= P7_MIN))
                .orElseGet(() -> notMeasured("P7", p7)));

        String p8 = "10 ms RTT, 1 connection, a window in flight: ≥ " + Goals.fmt(P8_MIN) + "× its own RTT-0 rate";
        Optional<Double> x8 = loopback.flatMap(l -> ratio(oneConnection(r, k), oneConnection(r, l)));
        String measured = x8.map(x -> "Mailwire's 1 connection at 10 ms / at 0 ms: " + Goals.fmt(x) + "×")
                .orElse("–");
        goals.add(
                windowInFlight && x8.isPresent()
                        ? Goal.of("P8", p8, measured, x8.get() >= P8_MIN)
                        : new Goal(
                                "P8",
                                p8,
                                "no window of transactions in flight; measured only: " + measured,
                                Goal.Verdict.NOT_ATTEMPTED));
        return goals;
    }

    private static Optional<Measurement> oneConnection(Results r, String key) {
        return r.find(MAILWIRE_CDI.label(), key, Goals.SIZE, 8, MailwireContainer.ONE_CONNECTION_VARIANT);
    }

    /** {@code kind} at 1 thread over the reused transport at 1 thread, formatted. */
    private static String ratioText(Results r, ClientKind kind, String key) {
        return ratio(r.find(kind.label(), key, Goals.SIZE, 1), reused(r, key, 1))
                .map(Goals::fmt)
                .orElse("–");
    }

    private static Optional<Measurement> reused(Results r, String key, int threads) {
        return r.find(REUSED_TRANSPORT.label(), key, Goals.SIZE, threads);
    }

    /** The faster of Simple Java Mail's and Vert.x's pools at 8 threads. */
    private static Optional<Measurement> bestPeer(Results r, String key) {
        return Stream.of(
                        r.find(SIMPLE_JAVA_MAIL.label(), key, Goals.SIZE, 8), r.find(VERTX.label(), key, Goals.SIZE, 8))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Measurement::median));
    }

    private static Optional<String> key(List<RoundTrip> roundTrips, Duration rtt) {
        return roundTrips.stream()
                .filter(t -> t.rtt().equals(rtt))
                .map(t -> t.target().key())
                .findFirst();
    }

    private static Optional<Double> ratio(Optional<Measurement> a, Optional<Measurement> b) {
        return Results.ratio(a, b);
    }

    private static Goal notMeasured(String id, String description) {
        return new Goal(id, description, "not measured (a scenario failed or was left out)", Goal.Verdict.NOT_MEASURED);
    }
}
