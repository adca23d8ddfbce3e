package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_JCA;
import static dev.mailwire.bench.clients.ClientKind.NAIVE;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;
import static dev.mailwire.bench.clients.ClientKind.SIMPLE_JAVA_MAIL;
import static dev.mailwire.bench.clients.ClientKind.VERTX;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.memory.LargeAttachment;
import dev.mailwire.bench.server.Target;
import dev.mailwire.bench.transactions.CommitLatency;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The goals of issue 7, judged from one run's numbers (1 KB messages). A goal that depends on the server is judged
 * per server: against Postfix the server's own CPU is the bound for every client alike.
 */
public final class Goals {

    static final double P1_MIN = 20;
    static final double P2_MIN = 0.90;
    static final double P3_MIN = 1.2;
    static final double P4_MAX = 1.1;
    static final String SIZE = "1 KB";

    private Goals() {}

    /**
     * @param leverVariant the variant that sets the StreamProvider property, also judged for P3 where measured
     * @param transactions P4's commit latencies, or why they were not measured
     */
    public static List<Goal> judge(
            Results r,
            List<Target> targets,
            String leverVariant,
            List<CommitLatency.Result> transactions,
            LargeAttachment.Result p5) {
        List<Goal> goals = new ArrayList<>();
        for (Target t : targets) {
            if (!t.startTls()) {
                continue;
            }
            ratio(r, MAILWIRE_CDI.label(), NAIVE.label(), t, 1)
                    .ifPresent(x -> goals.add(Goal.of(
                            "P1",
                            "Mailwire STARTTLS+AUTH, 1 thread ≥ " + fmt(P1_MIN) + "× naive Transport.send",
                            t.key() + ": " + fmt(x) + "×",
                            x >= P1_MIN)));
        }
        for (Target t : targets) {
            ratio(r, MAILWIRE_CDI.label(), REUSED_TRANSPORT.label(), t, 1)
                    .ifPresent(x -> goals.add(Goal.of(
                            "P2",
                            "Mailwire vs one bare reused SMTPTransport, 1 thread ≥ " + fmt(P2_MIN) + "×",
                            t.key() + ": " + fmt(x) + "× (JCA path "
                                    + ratio(r, MAILWIRE_JCA.label(), REUSED_TRANSPORT.label(), t, 1)
                                            .map(Goals::fmt)
                                            .orElse("–")
                                    + "×)",
                            x >= P2_MIN)));
        }
        for (Target t : targets) {
            Optional<Measurement> peer = bestPeer(r, t, "");
            Results.ratio(r.find(MAILWIRE_CDI.label(), t.key(), SIZE, 8), peer)
                    .ifPresent(x -> goals.add(Goal.of(
                            "P3",
                            "8 threads ≥ " + fmt(P3_MIN) + "× the best pooled peer",
                            t.key() + ": " + fmt(x) + "× "
                                    + peer.get().scenario().client() + withLever(r, t, leverVariant),
                            x >= P3_MIN)));
        }
        String p4 = "commit latency with one mail ≤ " + fmt(P4_MAX) + "× without";
        for (CommitLatency.Result tx : transactions) {
            if (tx.ok()) {
                goals.add(Goal.of(
                        "P4",
                        p4,
                        String.format(
                                Locale.ROOT,
                                "%s, paced: p50 %.1f µs with a mail vs %.1f µs without: %s×" + " (back to back: %s×)",
                                tx.database(),
                                tx.paced().p50With() / 1e3,
                                tx.paced().p50Without() / 1e3,
                                fmt(tx.paced().ratio()),
                                fmt(tx.backToBack().ratio())),
                        tx.paced().ratio() <= P4_MAX));
            } else {
                goals.add(
                        new Goal("P4", p4, tx.database() + ": not measured: " + tx.error(), Goal.Verdict.NOT_MEASURED));
            }
        }
        goals.add(Goal.of(
                "P5",
                "a 100 MB attachment goes out under " + LargeAttachment.HEAP,
                p5.ok()
                        ? String.format(
                                Locale.ROOT,
                                "sent in %.1f s, peak heap %d MB of %d MB",
                                p5.seconds(),
                                p5.peakHeapMb(),
                                p5.maxHeapMb())
                        : "failed: " + p5.detail(),
                p5.ok()));
        return goals;
    }

    /** The faster of Simple Java Mail and Vert.x at 8 threads; {@code variant} applies to Simple Java Mail only. */
    private static Optional<Measurement> bestPeer(Results r, Target t, String variant) {
        return Stream.of(
                        r.find(SIMPLE_JAVA_MAIL.label(), t.key(), SIZE, 8, variant),
                        r.find(VERTX.label(), t.key(), SIZE, 8))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(Measurement::median));
    }

    /** P3 again with the StreamProvider property set for both Angus-based clients, where that was measured. */
    private static String withLever(Results r, Target t, String v) {
        Optional<Measurement> peer = bestPeer(r, t, v);
        return Results.ratio(r.find(MAILWIRE_CDI.label(), t.key(), SIZE, 8, v), peer)
                .map(x -> "; with " + v + ": " + fmt(x) + "× "
                        + peer.get().scenario().client())
                .orElse("");
    }

    private static Optional<Double> ratio(Results r, String a, String b, Target t, int threads) {
        return Results.ratio(r.find(a, t.key(), SIZE, threads), r.find(b, t.key(), SIZE, threads));
    }

    static String fmt(double x) {
        return x >= 10 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
