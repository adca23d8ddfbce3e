package dev.mailwire.it.reliability.throttling;

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
        storm.report(report, "421 4.7.0 in answer to MAIL FROM beyond " + Storm.LIMIT + " connections");
        Report.write(report);
        report.verify();
    }
}
