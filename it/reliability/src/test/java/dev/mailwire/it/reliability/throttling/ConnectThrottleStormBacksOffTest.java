package dev.mailwire.it.reliability.throttling;

import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that greets a connection beyond its limit with {@code 421 4.7.0} and hangs up: Mailwire backs off (the
 * connection attempts per second stay bounded, no reconnect loop), the server never sees more than pool.max-size
 * connections, and none stays in use afterwards.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConnectThrottleStormBacksOffTest {

    @Test
    void connectionAttemptsStayBounded() throws Exception {
        Section report = Report.section("4a-throttle-connect", "Throttling: 421 at connect");
        Storm storm = Storm.run(server -> Throttle.atConnect(server, Storm.LIMIT));
        storm.report(report, "421 4.7.0 instead of the greeting beyond " + Storm.LIMIT + " connections")
                .note("While the back-off window is open, a caller that finds no idle connection fails at once with "
                        + "the last failure instead of waiting for one of the connections that work: " + storm.failed()
                        + " sends failed that way while " + storm.sent() + " went through. An application that sends "
                        + "at once sees errors under throttling; one that sends inside transactions sees its outbox "
                        + "retry them later.");
        Report.write(report);
        report.verify();
    }
}
