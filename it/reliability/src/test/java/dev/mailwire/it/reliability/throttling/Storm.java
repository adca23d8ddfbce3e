package dev.mailwire.it.reliability.throttling;

import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.ConnectionSampler;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.SendLoop;
import dev.mailwire.it.reliability.support.SocketThreads;
import dev.mailwire.it.reliability.support.WireAudit;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * A 421 storm: 8 callers send without pause for {@link #DURATION} through a pool of {@link #MAX_SIZE} against a
 * server that lets only {@link #LIMIT} connections work, then what the server and the pool saw.
 *
 * @param admitted connections the server let work
 * @param refused connections it answered 421
 * @param maxAttemptsPerSecond the most connections (admitted or refused) that arrived within one second
 * @param maxExcessPerSecond the most, within one second, of refused connections beyond {@link #PER_ADMITTED} per
 *     admitted connection
 * @param peakOpen the most connections open at the server at once
 * @param sent sends that went through
 * @param received messages the server received
 * @param failures sends that failed, by how
 * @param inUse connections in use after the storm
 * @param stuck threads left in socket I/O after it, the pool still open
 */
record Storm(
        int admitted,
        int refused,
        int maxAttemptsPerSecond,
        int maxExcessPerSecond,
        int peakOpen,
        int sent,
        int received,
        Map<Refusal, Long> failures,
        int inUse,
        List<String> stuck,
        WireAudit wire,
        CredentialAudit audit) {

    static final int LIMIT = 2;
    static final int MAX_SIZE = 4;
    static final int THREADS = 8;
    static final Duration DURATION = Duration.ofSeconds(5);

    /**
     * Refused connections a second allowed beyond {@link #PER_ADMITTED} per admitted connection. Mailwire's back-off
     * window starts at 100 ms and doubles with each refusal, so 10 refusals a second at most; it starts over after
     * each successful connect (a working connection replaced after pool.max-messages-per-connection), after which 4
     * refusals fit in one second (at once, then after 0.1, 0.3 and 0.7 s). A reconnect loop, for contrast, runs as
     * fast as TCP, TLS and AUTH allow: about 100 a second here.
     */
    static final int MAX_EXCESS_PER_SECOND = 10;

    static final int PER_ADMITTED = 4;

    /**
     * Connection attempts of any kind in one second: the refusals above, plus the admitted connections and the
     * refusals each may bring ({@link #PER_ADMITTED} + 1) at the rate the storms admit them (about one a second).
     */
    static final int MAX_ATTEMPTS_PER_SECOND = MAX_EXCESS_PER_SECOND + 2 * (PER_ADMITTED + 1);

    static Storm run(Function<FakeSmtpServer, Throttle> throttling) throws Exception {
        CredentialAudit audit = CredentialAudit.begin();
        try (FakeSmtpServer server = FakeSmtpServer.builder().start()) {
            Throttle throttle = throttling.apply(server);
            server.behaviour(throttle);
            MailerSettings settings = MailerSettings.fake(server).set("pool.max-size", String.valueOf(MAX_SIZE));
            try (App app = App.start(settings, null)) {
                SendLoop loop;
                ConnectionSampler sampler = new ConnectionSampler(server::connectionCount, throttle::open);
                try (sampler) {
                    loop = SendLoop.run(app.mailer(), THREADS, DURATION);
                }
                // Counted while the pool is still open: closing it would release any thread stuck on one of its
                // sockets.
                List<String> stuck = SocketThreads.awaitNone(500);
                loop.failures().forEach(audit::exception);
                audit.health(app.monitor().stats());
                int inUse = app.monitor().poolStats().inUse();
                List<Throttle.Arrival> arrivals = throttle.arrivals();
                int refused = (int)
                        arrivals.stream().filter(Throttle.Arrival::refused).count();
                Map<Refusal, Long> failures = loop.failures().stream()
                        .collect(Collectors.groupingBy(
                                Refusal::of, () -> new EnumMap<>(Refusal.class), Collectors.counting()));
                return new Storm(
                        arrivals.size() - refused,
                        refused,
                        within(arrivals, Duration.ofSeconds(1), a -> 1),
                        within(arrivals, Duration.ofSeconds(1), a -> a.refused() ? 1 : -PER_ADMITTED),
                        sampler.peakOpen(),
                        loop.sent(),
                        server.messages().size(),
                        failures,
                        inUse,
                        stuck,
                        WireAudit.of(server),
                        audit);
            }
        }
    }

    /** The largest sum of {@code weight} over the arrivals within any one {@code window}, starting at an arrival. */
    private static int within(
            List<Throttle.Arrival> arrivals, Duration window, ToIntFunction<Throttle.Arrival> weight) {
        int max = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            int n = 0;
            for (int j = i;
                    j < arrivals.size()
                            && arrivals.get(j).nanos() - arrivals.get(i).nanos() < window.toNanos();
                    j++) {
                n += weight.applyAsInt(arrivals.get(j));
            }
            max = Math.max(max, n);
        }
        return max;
    }

    int failed() {
        return (int) failures.values().stream().mapToLong(Long::longValue).sum();
    }

    private String failuresByKind() {
        return failures.entrySet().stream()
                .map(e -> e.getKey().label + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Files the storm's figures, the server's limit described as {@code what}, each asserted against its bound, and
     * the matrix counts they stand for; call {@link Section#verify()} after writing.
     */
    Section report(Section report, String what) {
        audit.report(report.measured(
                        "the storm",
                        THREADS + " threads sending without pause for " + DURATION.toSeconds() + " s, pool.max-size "
                                + MAX_SIZE,
                        what)
                .measured("connections admitted / refused", admitted + " / " + refused, "the fake server's record")
                .atMost(
                        "connection attempts in one second",
                        maxAttemptsPerSecond,
                        MAX_ATTEMPTS_PER_SECOND,
                        "the server's arrival times; a reconnect loop makes about 100 a second here")
                .atMost(
                        "refusals in one second beyond " + PER_ADMITTED + " per admitted connection",
                        maxExcessPerSecond,
                        MAX_EXCESS_PER_SECOND,
                        "back-off respected: the window doubles from 100 ms with each refusal, so at most 10 a second;"
                                + " a reconnect loop makes about 100")
                .atLeast("sends that went through", sent, 1, "`Mailer.send` returned")
                .exactly(
                        "messages the server received",
                        received,
                        sent,
                        "each send that went through arrived once, and no send that failed arrived")
                .zero(
                        "sends that failed otherwise than expected",
                        failures.getOrDefault(Refusal.UNEXPECTED, 0L),
                        "of " + failed() + " failed sends (" + failuresByKind() + "); expected: the server's 421, the "
                                + "back-off repeating it, or pool.acquire-timeout")
                .atMost("peak open connections", peakOpen, MAX_SIZE, "sampled every 20 ms; bound: pool.max-size")
                .zero("connections in use afterwards", inUse, "`PoolStats.inUse()`")
                .zero(
                        "threads in socket I/O",
                        stuck.size(),
                        "thread dump within 500 ms of the storm's end, the pool still open")
                .zero(
                        "wire: AUTH before TLS, injected lines",
                        wire.authBeforeTls() + wire.injectedLines(),
                        "the fake server's transcripts")
                .zero("envelopes sent lock-step", wire.lockStepEnvelopes(), wire.pipeliningEvidence())
                .count(Matrix.RECONNECT_LOOPS, maxExcessPerSecond <= MAX_EXCESS_PER_SECOND ? 0 : 1)
                .count(Matrix.OVER_MAX_SIZE, peakOpen > MAX_SIZE ? 1 : 0)
                .count(Matrix.IN_USE_AFTER, inUse)
                .count(Matrix.STUCK_THREADS, stuck.size())
                .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls())
                .count(Matrix.INJECTED_LINES, wire.injectedLines()));
        return report;
    }
}
