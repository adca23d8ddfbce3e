package dev.mailwire.cdi.internal.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.MailRejectedException;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.Containers;
import dev.mailwire.cdi.Mailers;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.internal.telemetry.deployment.FakeServer;
import dev.mailwire.cdi.internal.telemetry.deployment.InMemoryOtel;
import dev.mailwire.cdi.internal.telemetry.deployment.Metrics;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Faults;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After a mixed run (delivered, refused for good, refused for now, partly refused), the send and recipient counters
 * read back through the OpenTelemetry SDK equal what the SMTP server itself saw: the messages it accepted, the
 * recipients it took, and its 550 and 450 replies.
 */
@Timeout(60)
class MetricsMatchWhatTheServerSawTest {

    private static final String OK = "ok@example.org";
    private static final String REFUSED = "refused@example.org";
    private static final String LATER = "later@example.org";
    private static final String NO_USER = "550 5.1.1 mailwire-test no such user";
    private static final String BUSY = "450 4.2.1 mailwire-test mailbox busy";

    @Test
    void countersEqualTheServersCounts() {
        FakeSmtpServer server = FakeSmtpServer.builder()
                .behaviour(
                        Faults.rcpt(REFUSED, 550, NO_USER.substring(4)).and(Faults.rcpt(LATER, 450, BUSY.substring(4))))
                .start();
        try (server;
                TestConfig c = TestConfig.use(FakeServer.settings(server));
                WeldContainer container = Containers.boot(InMemoryOtel.class)) {
            Mailer mailer = container.select(Mailers.class).get().mailer("<default>");
            send(mailer, 5, OK);
            send(mailer, 3, REFUSED);
            send(mailer, 2, LATER);
            send(mailer, 2, OK, REFUSED);
            send(mailer, 1, OK, LATER);

            List<ReceivedMessage> messages = server.messages();
            long accepted =
                    messages.stream().mapToLong(m -> m.recipients().size()).sum();
            Metrics m = new Metrics(InMemoryOtel.metrics.collectAllMetrics());
            Map<String, String> mailerAttr = Map.of(TelemetryNames.MAILER, "<default>");

            assertThat(m.sum(TelemetryNames.RECIPIENTS, with(mailerAttr, TelemetryNames.RECIPIENT_STATUS, "delivered")))
                    .isEqualTo(accepted)
                    .isEqualTo(8);
            assertThat(m.sum(TelemetryNames.RECIPIENTS, with(mailerAttr, TelemetryNames.RECIPIENT_STATUS, "rejected")))
                    .isEqualTo(replies(server, NO_USER))
                    .isEqualTo(5);
            assertThat(m.sum(TelemetryNames.RECIPIENTS, with(mailerAttr, TelemetryNames.RECIPIENT_STATUS, "deferred")))
                    .isEqualTo(replies(server, BUSY))
                    .isEqualTo(3);
            // Sends: three of the messages the server took were partial (another recipient was refused), so they
            // count as rejected; every other message it took is a delivered send.
            assertThat(m.sum(TelemetryNames.SENDS, with(mailerAttr, TelemetryNames.OUTCOME, "delivered")))
                    .isEqualTo(messages.size() - 3)
                    .isEqualTo(5);
            assertThat(m.sum(TelemetryNames.SENDS, Map.of(TelemetryNames.REPLY_CLASS, "5xx")))
                    .isEqualTo(5);
            assertThat(m.sum(TelemetryNames.SENDS, Map.of(TelemetryNames.REPLY_CLASS, "4xx")))
                    .isEqualTo(3);
            assertThat(m.points(TelemetryNames.SEND_DURATION).stream()
                            .mapToLong(p -> ((HistogramPointData) p).getCount())
                            .sum())
                    .isEqualTo(13);
            assertThat(m.points(TelemetryNames.SEND_DURATION).stream()
                            .mapToDouble(p -> ((HistogramPointData) p).getMax())
                            .max()
                            .orElseThrow())
                    .isPositive();
            assertThat(m.metric(TelemetryNames.SEND_DURATION).getUnit()).isEqualTo("s");
            assertThat(InMemoryOtel.spans.getFinishedSpanItems()).hasSize(13);
        }
    }

    private static void send(Mailer mailer, int times, String... to) {
        for (int i = 0; i < times; i++) {
            try {
                mailer.send(Mail.builder()
                        .to(to)
                        .subject("Mixed")
                        .text("One of a mixed run.")
                        .build());
            } catch (MailRejectedException e) {
                // every recipient refused: counted as rejected
            }
        }
    }

    /** How many times the server gave this reply, over every connection. */
    private static long replies(FakeSmtpServer server, String reply) {
        return server.transcripts().stream()
                .flatMap(t -> t.lines().stream())
                .filter(l -> !l.fromClient() && l.text().equals(reply))
                .count();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        HashMap<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
