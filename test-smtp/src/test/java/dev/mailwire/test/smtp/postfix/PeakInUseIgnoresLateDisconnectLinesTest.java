package dev.mailwire.test.smtp.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * smtpd logs {@code disconnect from} after the client has gone, and another smtpd process may log the client's next
 * {@code connect from} first. Counting from connect to the last line of activity keeps such a hand-over at one
 * connection, while two connections that both queue mail after the other connected still count as two.
 */
class PeakInUseIgnoresLateDisconnectLinesTest {

    @Test
    void aConnectLoggedBeforeThePreviousDisconnectIsNoOverlap() {
        LogLineParser parser = new LogLineParser(UnaryOperator.identity());
        parser.accept(smtpd(100, "connect from unknown[127.0.0.1]:40001"));
        parser.accept(smtpd(100, "AAA1: client=unknown[127.0.0.1]:40001, sasl_method=PLAIN, sasl_username=alice"));
        parser.accept(smtpd(101, "connect from unknown[127.0.0.1]:40002"));
        parser.accept(smtpd(100, "disconnect from unknown[127.0.0.1]:40001 ehlo=2 quit=1 commands=8"));
        parser.accept(smtpd(101, "BBB1: client=unknown[127.0.0.1]:40002, sasl_method=PLAIN, sasl_username=alice"));
        parser.accept(smtpd(101, "disconnect from unknown[127.0.0.1]:40002 ehlo=2 quit=1 commands=8"));

        assertThat(parser.sessions()).hasSize(2);
        assertThat(parser.peakInUse()).isEqualTo(1);
    }

    @Test
    void connectionsThatBothQueueMailAfterTheOtherConnectedOverlap() {
        LogLineParser parser = new LogLineParser(UnaryOperator.identity());
        parser.accept(smtpd(100, "connect from unknown[127.0.0.1]:40001"));
        parser.accept(smtpd(101, "connect from unknown[127.0.0.1]:40002"));
        parser.accept(smtpd(100, "AAA1: client=unknown[127.0.0.1]:40001, sasl_method=PLAIN, sasl_username=alice"));
        parser.accept(smtpd(102, "connect from unknown[127.0.0.1]:40003"));
        parser.accept(smtpd(101, "BBB1: client=unknown[127.0.0.1]:40002, sasl_method=PLAIN, sasl_username=alice"));
        parser.accept(smtpd(100, "AAA2: client=unknown[127.0.0.1]:40001, sasl_method=PLAIN, sasl_username=alice"));

        assertThat(parser.peakInUse()).isEqualTo(3);
    }

    private static String smtpd(int pid, String text) {
        return "Nov 26 01:33:24 mailwire-test postfix/smtpd[" + pid + "]: " + text;
    }
}
