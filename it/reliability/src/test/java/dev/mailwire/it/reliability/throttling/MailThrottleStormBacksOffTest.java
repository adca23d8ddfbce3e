package dev.mailwire.it.reliability.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that lets a connection beyond its limit connect, authenticate and then answers its MAIL FROM with
 * {@code 421 4.7.0} and hangs up (as Gmail and Microsoft 365 do): Mailwire backs off (the connection attempts per
 * second stay bounded, no reconnect loop), the server never sees more than pool.max-size connections, and none stays
 * in use afterwards.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MailThrottleStormBacksOffTest {

    @Test
    void connectionAttemptsStayBounded() throws Exception {
        Section report = Report.section("4b-throttle-mail", "Throttling: 421 at MAIL FROM");
        Storm storm = Storm.run(server -> Throttle.atMail(server, Storm.LIMIT));
        report.figure(
                        "421 4.7.0 in answer to MAIL FROM beyond " + Storm.LIMIT + " connections",
                        storm.summary(),
                        Storm.THREADS + " threads sending without pause, pool.max-size " + Storm.MAX_SIZE
                                + "; the fake server's record of each connection; open connections sampled every 20 ms; "
                                + "bound: " + Storm.MAX_EXCESS_PER_SECOND + " refusals a second beyond "
                                + Storm.PER_ADMITTED + " per admitted connection")
                .count(Matrix.RECONNECT_LOOPS, storm.backsOff() ? 0 : 1)
                .count(Matrix.OVER_MAX_SIZE, storm.peakOpen() > Storm.MAX_SIZE ? 1 : 0)
                .count(Matrix.IN_USE_AFTER, storm.inUse())
                .count(Matrix.STUCK_THREADS, storm.stuck().size())
                .count(Matrix.AUTH_BEFORE_TLS, storm.wire().authBeforeTls())
                .count(Matrix.INJECTED_LINES, storm.wire().injectedLines())
                .count(Matrix.CREDENTIAL_LEAKS, storm.audit().leaks().size());
        Report.write(report);

        assertThat(storm.sent())
                .as("sends through the connections within the limit")
                .isPositive();
        assertThat(storm.maxExcessPerSecond())
                .as("refused connections a second beyond " + Storm.PER_ADMITTED + " per admitted one")
                .isLessThanOrEqualTo(Storm.MAX_EXCESS_PER_SECOND);
        assertThat(storm.peakOpen()).as("peak open at the server").isLessThanOrEqualTo(Storm.MAX_SIZE);
        assertThat(storm.inUse()).as("in use after the storm").isZero();
        assertThat(storm.stuck()).as("threads in socket I/O").isEmpty();
        assertThat(storm.wire().clean()).as("wire " + storm.wire()).isTrue();
        assertThat(storm.audit().leaks()).as("credentials").isEmpty();
    }
}
