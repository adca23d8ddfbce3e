package dev.mailwire.bench;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_JCA;
import static dev.mailwire.bench.clients.ClientKind.NAIVE;
import static dev.mailwire.bench.clients.ClientKind.RAW_BDAT_AFTER_RCPT;
import static dev.mailwire.bench.clients.ClientKind.RAW_BDAT_WITH_ENVELOPE;
import static dev.mailwire.bench.clients.ClientKind.RAW_LOCKSTEP;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED_ENVELOPE;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;
import static dev.mailwire.bench.clients.ClientKind.SIMPLE_JAVA_MAIL;
import static dev.mailwire.bench.clients.ClientKind.VERTX;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.clients.MailwireContainer;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.harness.Timing;
import dev.mailwire.bench.report.RoundTripGoals;
import dev.mailwire.bench.server.BenchServers;
import dev.mailwire.bench.server.RoundTrip;
import dev.mailwire.bench.server.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which scenarios one run measures. 1 KB is the full matrix on every server; 100 KB and 10 MB run against the TLS
 * sink only (TLS costs what it costs per byte, no disk in the way), with fewer clients, to keep the whole run near
 * ten minutes on two cores. Then the round-trip dimension (issue 12): 1 KB to Postfix through delay links of 0, 2,
 * 10 and 50 ms, about six more minutes. The raw client's CHUNKING (RFC 3030) modes run only against a server whose
 * EHLO offers it: Postfix; the sinks do not.
 */
final class Plan {

    static final Payload KB_1 = Payload.of("1 KB", 1024);
    static final Payload KB_100 = Payload.of("100 KB", 100 * 1024);
    static final Payload MB_10 = Payload.of("10 MB", 10 * 1024 * 1024);

    /** The system property that bypasses jakarta.mail-api's ServiceLoader lookup per message write. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String STREAM_PROVIDER_CLASS = "org.eclipse.angus.mail.util.MailStreamProvider";
    static final String STREAM_PROVIDER_VARIANT = STREAM_PROVIDER_PROPERTY + " set";

    /** From this round-trip time on, scenarios get fewer, longer windows ({@link #roundTripTiming}). */
    static final Duration SLOW_ROUND_TRIP = Duration.ofMillis(50);

    private final List<Scenario> scenarios = new ArrayList<>();
    private final Timing timing;
    private final Set<String> chunking;

    private Plan(Timing timing, Set<String> chunking) {
        this.timing = timing;
        this.chunking = chunking;
    }

    /** @param chunking the keys of the targets whose EHLO offers CHUNKING (RFC 3030) */
    static List<Scenario> of(BenchServers servers, Timing timing, Set<String> chunking) {
        Plan p = new Plan(timing, chunking);
        for (Target t : servers.all()) {
            p.add(t, KB_1, NAIVE, 1);
            p.add(t, KB_1, REUSED_TRANSPORT, 1);
            p.add(t, KB_1, MAILWIRE_CDI, 1, 4, 8, 16);
            p.add(t, KB_1, MAILWIRE_JCA, 1, 8);
            p.add(t, KB_1, SIMPLE_JAVA_MAIL, 1, 8);
            p.add(t, KB_1, VERTX, 1, 8);
            p.add(t, KB_1, RAW_LOCKSTEP, 1);
            p.add(t, KB_1, RAW_PIPELINED_ENVELOPE, 1);
            p.add(t, KB_1, RAW_PIPELINED, 1, 8);
            p.addBdat(t, timing);
        }
        Target tls = servers.tlsSink();
        p.add(tls, KB_100, NAIVE, 1);
        p.add(tls, KB_100, REUSED_TRANSPORT, 1);
        p.add(tls, KB_100, MAILWIRE_CDI, 1, 8);
        p.add(tls, KB_100, MAILWIRE_JCA, 1);
        p.add(tls, KB_100, SIMPLE_JAVA_MAIL, 8);
        p.add(tls, KB_100, VERTX, 8);
        p.add(tls, KB_100, RAW_LOCKSTEP, 1);
        p.add(tls, KB_100, RAW_PIPELINED, 1);
        // 10 MB: one thread each. Eight 10 MB sends at once only measure who queues behind whom on two cores
        // (the Vert.x client took 19 s per message that way: it encodes and writes the body line by line).
        for (ClientKind k : List.of(
                NAIVE,
                REUSED_TRANSPORT,
                MAILWIRE_CDI,
                MAILWIRE_JCA,
                SIMPLE_JAVA_MAIL,
                VERTX,
                RAW_LOCKSTEP,
                RAW_PIPELINED)) {
            // Three windows, not five: a 10 MB send takes 0.1 s to several seconds, and every window waits for it.
            p.scenarios.add(new Scenario(k.label(), tls, MB_10, 1, timing.withRuns(3)));
        }
        // The StreamProvider lever, against the sink where client CPU is all there is to measure; the 8-thread
        // pair shows P3 with the lever (Simple Java Mail runs on Angus, so it gains too; Vert.x does not use it).
        Target plain = servers.plainSink();
        for (ClientKind k : List.of(REUSED_TRANSPORT, MAILWIRE_CDI, MAILWIRE_JCA)) {
            p.scenarios.add(new Scenario(k.label(), plain, KB_1, 1, timing, STREAM_PROVIDER_VARIANT));
        }
        for (ClientKind k : List.of(MAILWIRE_CDI, SIMPLE_JAVA_MAIL)) {
            p.scenarios.add(new Scenario(k.label(), plain, KB_1, 8, timing, STREAM_PROVIDER_VARIANT));
        }
        // Mailwire's pool retires a connection after 1000 messages (a new TCP + TLS + AUTH handshake each time).
        for (int threads : new int[] {1, 8}) {
            p.scenarios.add(new Scenario(
                    MAILWIRE_CDI.label(), tls, KB_1, threads, timing, MailwireContainer.LONG_LIVED_VARIANT));
        }
        // Issue 12: the same Postfix through a delay link per round-trip time, every peer at 1 and 8 threads, the raw
        // client's lock-step (Angus's four round trips) and fully pipelined (one) as the bounds.
        for (RoundTrip rtt : servers.roundTrips()) {
            Timing t = roundTripTiming(timing, rtt.rtt());
            for (int threads : new int[] {1, 8}) {
                for (ClientKind k : List.of(REUSED_TRANSPORT, MAILWIRE_CDI, SIMPLE_JAVA_MAIL, VERTX, RAW_PIPELINED)) {
                    p.scenarios.add(new Scenario(k.label(), rtt.target(), KB_1, threads, t));
                }
            }
            p.scenarios.add(new Scenario(RAW_LOCKSTEP.label(), rtt.target(), KB_1, 1, t));
            if (rtt.rtt().equals(RoundTripGoals.AT)) {
                // The raw client's table has a row at the RTT the goals are judged at: its other modes too.
                p.scenarios.add(new Scenario(RAW_PIPELINED_ENVELOPE.label(), rtt.target(), KB_1, 1, t));
                p.addBdat(rtt.target(), t);
            }
            // "1 connection" (P6) for Mailwire: its pool of one shared by 8 callers, so a next mail is always ready.
            p.scenarios.add(new Scenario(
                    MAILWIRE_CDI.label(), rtt.target(), KB_1, 8, t, MailwireContainer.ONE_CONNECTION_VARIANT));
        }
        return p.scenarios;
    }

    /**
     * At 50 ms and more a lock-step message takes over 200 ms: three windows of 2 s (about ten such messages each)
     * after a 2 s warm-up (eight pooled handshakes of about six round trips each), in place of five of 1.2 s. The
     * run's time stays about the same per scenario; the message count per window is what drops.
     */
    static Timing roundTripTiming(Timing timing, Duration rtt) {
        if (rtt.compareTo(SLOW_ROUND_TRIP) < 0) {
            return timing;
        }
        return new Timing(
                timing.warmUp().multipliedBy(2), timing.window().multipliedBy(5).dividedBy(3), 3);
    }

    /** The raw client's two BDAT modes, 1 KB, 1 thread, where the target offers CHUNKING. */
    private void addBdat(Target t, Timing timing) {
        if (chunking.contains(t.key())) {
            for (ClientKind k : List.of(RAW_BDAT_AFTER_RCPT, RAW_BDAT_WITH_ENVELOPE)) {
                scenarios.add(new Scenario(k.label(), t, KB_1, 1, timing));
            }
        }
    }

    private void add(Target t, Payload payload, ClientKind kind, int... threadCounts) {
        for (int threads : threadCounts) {
            scenarios.add(new Scenario(kind.label(), t, payload, threads, timing));
        }
    }
}
