package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.InMemoryTelemetry;
import dev.mailwire.health.support.LogCapture;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No user name, password or trust-store password, plain or Base64-encoded as AUTH carries them, appears in a health
 * response, a log line (Mailwire's at every level) or a span or metric, whether AUTH fails or succeeds.
 */
@Timeout(60)
class NoCredentialInHealthLogsOrSpansTest {

    private static final String BAD_USER = "u-health-7f3k";
    private static final String BAD_PASSWORD = "p-secret-9x2q";
    private static final String GOOD_USER = "u-billing-3m1c";
    private static final String GOOD_PASSWORD = "p-billing-8k2v";

    @Test
    void noSecretAnywhere() {
        StringBuilder seen = new StringBuilder();
        FakeSmtpServer server = FakeSmtpServer.builder()
                .user(GOOD_USER, GOOD_PASSWORD)
                .user(BAD_USER, "what-the-server-expects")
                .start();
        try (server;
                LogCapture logs = LogCapture.start();
                TestConfig c = TestConfig.use(Settings.create()
                        .fake(server, BAD_USER, BAD_PASSWORD)
                        .property("mailwire.mailer.billing.host", server.host())
                        .property("mailwire.mailer.billing.port", String.valueOf(server.port()))
                        .property(
                                "mailwire.mailer.billing.trust-store",
                                server.trustStore().toString())
                        .property("mailwire.mailer.billing.trust-store-password", server.trustStorePassword())
                        .property("mailwire.mailer.billing.username", GOOD_USER)
                        .property("mailwire.mailer.billing.password", GOOD_PASSWORD)
                        .property("mailwire.mailer.billing.from", "billing@example.org")
                        .property("mailwire.mailer.billing.transactional", "never")
                        .health(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1))
                        .map());
                HealthContainer container = HealthContainer.boot(InMemoryTelemetry.class)) {
            Mail mail = Mail.builder()
                    .to("someone@example.org")
                    .subject("Hello")
                    .text("Hi")
                    .build();
            assertThatThrownBy(() -> container.mailers().mailer("<default>").send(mail))
                    .isInstanceOf(MailerException.class);
            container.mailers().mailer("billing").send(mail);

            String ready = container.readiness().toString();
            assertThat(ready).contains("\"auth\""); // the bad mailer is DOWN for the right reason
            seen.append(ready).append(container.liveness());
            seen.append(InMemoryTelemetry.SPANS.getFinishedSpanItems());
            seen.append(InMemoryTelemetry.METRICS.collectAllMetrics());
            assertThat(InMemoryTelemetry.SPANS.getFinishedSpanItems()).hasSizeGreaterThanOrEqualTo(2);
            seen.append(logs.text());
            assertThat(logs.size()).isPositive();
        }
        List<String> secrets = secrets(server.trustStorePassword());
        List<String> leaks = seen.toString()
                .lines()
                .filter(line -> secrets.stream().anyMatch(line::contains))
                .toList();
        assertThat(leaks).as("output lines holding a credential").isEmpty();
    }

    private static List<String> secrets(String trustStorePassword) {
        List<String> plain = List.of(BAD_USER, BAD_PASSWORD, GOOD_USER, GOOD_PASSWORD, trustStorePassword);
        List<String> all = new ArrayList<>(plain);
        plain.forEach(s -> all.add(b64(s)));
        all.add(b64("\0" + BAD_USER + "\0" + BAD_PASSWORD));
        all.add(b64("\0" + GOOD_USER + "\0" + GOOD_PASSWORD));
        return all;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
