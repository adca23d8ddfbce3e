package dev.mailwire.it.reliability.throttling;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.function.Function;

/**
 * A 421 storm: 8 callers send without pause for {@link #DURATION} through a pool of {@link #MAX_SIZE} against a
 * server that lets only {@link #LIMIT} connections work, then what the server and the pool saw.
 *
 * @param admitted connections the server let work
 * @param refused connections it answered 421
 * @param maxRefusedPerSecond the most refused connections within one second
 * @param maxExcessPerSecond the most, within one second, of refused connections beyond {@link #PER_ADMITTED} per
 *     admitted connection
 * @param peakOpen the most connections open at the server at once
 * @param sent sends that went through
 * @param failed sends that failed
 * @param inUse connections in use after the storm
 * @param stuck threads left in socket I/O after it
 */
record Storm(
        int admitted,
        int refused,
        int maxRefusedPerSecond,
        int maxExcessPerSecond,
        int peakOpen,
        int sent,
        int failed,
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
                loop.failures().forEach(audit::exception);
                audit.health(app.monitor().stats());
                int inUse = app.monitor().poolStats().inUse();
                List<Throttle.Arrival> arrivals = throttle.arrivals();
                int refused = (int)
                        arrivals.stream().filter(Throttle.Arrival::refused).count();
                return new Storm(
                        arrivals.size() - refused,
                        refused,
                        perSecond(arrivals, false),
                        perSecond(arrivals, true),
                        sampler.peakOpen(),
                        loop.sent(),
                        loop.failures().size(),
                        inUse,
                        SocketThreads.awaitNone(2000),
                        WireAudit.of(server),
                        audit);
            }
        }
    }

    /** The most refusals in any one second, less {@link #PER_ADMITTED} per admission of that second when {@code net}. */
    private static int perSecond(List<Throttle.Arrival> arrivals, boolean net) {
        int max = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            int n = 0;
            for (int j = i;
                    j < arrivals.size()
                            && arrivals.get(j).nanos() - arrivals.get(i).nanos() < 1e9;
                    j++) {
                n += arrivals.get(j).refused() ? 1 : net ? -PER_ADMITTED : 0;
            }
            max = Math.max(max, n);
        }
        return max;
    }

    boolean backsOff() {
        return maxExcessPerSecond <= MAX_EXCESS_PER_SECOND;
    }

    String summary() {
        return admitted + " connections admitted and " + refused + " refused in " + DURATION.toSeconds()
                + " s; at most "
                + maxRefusedPerSecond + " refused in one second (" + maxExcessPerSecond + " beyond " + PER_ADMITTED
                + " per admitted); "
                + "peak open " + peakOpen + "; " + sent + " sends went through, " + failed + " failed; in use after "
                + inUse;
    }

    /** Records the storm's figure, described as {@code what}, and the matrix counts it stands for, in {@code report}. */
    Section report(Section report, String what) {
        return report.figure(
                        what,
                        summary(),
                        THREADS + " threads sending without pause, pool.max-size " + MAX_SIZE
                                + "; the fake server's record of each connection; open connections sampled every 20 ms; "
                                + "bound: " + MAX_EXCESS_PER_SECOND + " refusals a second beyond " + PER_ADMITTED
                                + " per admitted connection")
                .count(Matrix.RECONNECT_LOOPS, backsOff() ? 0 : 1)
                .count(Matrix.OVER_MAX_SIZE, peakOpen > MAX_SIZE ? 1 : 0)
                .count(Matrix.IN_USE_AFTER, inUse)
                .count(Matrix.STUCK_THREADS, stuck.size())
                .count(Matrix.AUTH_BEFORE_TLS, wire.authBeforeTls())
                .count(Matrix.INJECTED_LINES, wire.injectedLines())
                .count(Matrix.CREDENTIAL_LEAKS, audit.leaks().size());
    }

    /** What every storm must show: sends went through, refusals bounded, pool bounds kept, a clean wire and logs. */
    void assertBoundsHeld() {
        assertThat(sent).as("sends through the connections within the limit").isPositive();
        assertThat(maxExcessPerSecond)
                .as("refused connections a second beyond " + PER_ADMITTED + " per admitted one")
                .isLessThanOrEqualTo(MAX_EXCESS_PER_SECOND);
        assertThat(peakOpen).as("peak open at the server").isLessThanOrEqualTo(MAX_SIZE);
        assertThat(inUse).as("in use after the storm").isZero();
        assertThat(stuck).as("threads in socket I/O").isEmpty();
        assertThat(wire.clean()).as("wire " + wire).isTrue();
        assertThat(audit.leaks()).as("credentials").isEmpty();
    }
}
