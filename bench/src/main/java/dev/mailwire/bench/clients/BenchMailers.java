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

    @Inject
    @MailerName("postfix-rtt0ms-one-connection")
    Mailer postfixRtt0OneConnection;

    @Inject
    @MailerName("postfix-rtt2ms-one-connection")
    Mailer postfixRtt2OneConnection;

    @Inject
    @MailerName("postfix-rtt10ms-one-connection")
    Mailer postfixRtt10OneConnection;

    @Inject
    @MailerName("postfix-rtt50ms-one-connection")
    Mailer postfixRtt50OneConnection;

    Map<String, Mailer> byName() {
        return Map.ofEntries(
                Map.entry("plain-sink", plainSink),
                Map.entry("tls-sink", tlsSink),
                Map.entry("postfix", postfix),
                Map.entry("tls-sink-long-lived", tlsSinkLongLived),
                Map.entry("postfix-rtt0ms", postfixRtt0),
                Map.entry("postfix-rtt2ms", postfixRtt2),
                Map.entry("postfix-rtt10ms", postfixRtt10),
                Map.entry("postfix-rtt50ms", postfixRtt50),
                Map.entry("postfix-rtt0ms-one-connection", postfixRtt0OneConnection),
                Map.entry("postfix-rtt2ms-one-connection", postfixRtt2OneConnection),
                Map.entry("postfix-rtt10ms-one-connection", postfixRtt10OneConnection),
                Map.entry("postfix-rtt50ms-one-connection", postfixRtt50OneConnection));
    }
}
