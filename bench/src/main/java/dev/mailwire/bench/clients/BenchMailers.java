package dev.mailwire.bench.clients;

import dev.mailwire.Mailer;
import dev.mailwire.MailerName;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The injection points that declare the bench's named mailers (Mailwire makes one per {@code @MailerName} it finds):
 * one per server, named after the server's key (the round-trip links of {@code BenchServers.ROUND_TRIPS} too), and
 * one variant.
 */
public class BenchMailers {

    @Inject
    @MailerName("plain-sink")
    Mailer plainSink;

    @Inject
    @MailerName("tls-sink")
    Mailer tlsSink;

    @Inject
    @MailerName("postfix")
    Mailer postfix;

    /** The TLS sink again, with connections kept for {@value MailwireContainer#LONG_LIVED} messages, not 1000. */
    @Inject
    @MailerName("tls-sink-long-lived")
    Mailer tlsSinkLongLived;

    @Inject
    @MailerName("postfix-rtt0ms")
    Mailer postfixRtt0;

    @Inject
    @MailerName("postfix-rtt2ms")
    Mailer postfixRtt2;

    @Inject
    @MailerName("postfix-rtt10ms")
    Mailer postfixRtt10;

    @Inject
    @MailerName("postfix-rtt50ms")
    Mailer postfixRtt50;

    Map<String, Mailer> byName() {
        return Map.of(
                "plain-sink",
                plainSink,
                "tls-sink",
                tlsSink,
                "postfix",
                postfix,
                "tls-sink-long-lived",
                tlsSinkLongLived,
                "postfix-rtt0ms",
                postfixRtt0,
                "postfix-rtt2ms",
                postfixRtt2,
                "postfix-rtt10ms",
                postfixRtt10,
                "postfix-rtt50ms",
                postfixRtt50);
    }
}
