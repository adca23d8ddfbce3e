package dev.mailwire.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailwire.Mail;
import dev.mailwire.MailerException;
import dev.mailwire.cdi.OAuth2TestSettings;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.health.support.HealthContainer;
import dev.mailwire.health.support.InMemoryTelemetry;
import dev.mailwire.health.support.LogCapture;
import dev.mailwire.health.support.Settings;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, must-show 6, where an operator reads: with an OAuth2 mailer that sends (the client secret right) and one
 * that cannot (the issuer refuses its secret), against the real stack, no client secret, access token or refresh
 * token appears in the readiness or liveness body, in a span or metric, or in a log line (Mailwire's, Angus's
 * protocol trace and the JDK HTTP client's, all at FINEST). Tokens are unknown to the test, so it looks for their
 * shape: Keycloak's access and refresh tokens are JWTs; an XOAUTH2 or OAUTHBEARER initial response starts with
 * fixed base64.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class NoOAuth2SecretOrTokenInHealthLogsOrSpansTest {

    private static final String WRONG_SECRET = "wrong-client-secret-4q8z";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");
    /** base64 of "user=" (XOAUTH2) and of "n,a=" (OAUTHBEARER), the start of an initial response. */
    private static final List<String> BLOBS = List.of("dXNlcj1", "bixhPW");

    @Test
    void noSecretOrTokenAnywhere() {
        OAuthStack stack = OAuthStack.shared();
        StringBuilder seen = new StringBuilder();
        List<Logger> traced = trace("org.eclipse.angus", "jdk.internal.httpclient");
        try (LogCapture logs = LogCapture.start();
                TestConfig c =
                        TestConfig.use(settings(stack), Map.of(OAuth2TestSettings.SECRET_VARIABLE, WRONG_SECRET));
                HealthContainer container = HealthContainer.boot(InMemoryTelemetry.class)) {
            Mail mail = Mail.builder()
                    .to(stack.postfix().address("ada"))
                    .subject("secrets scan")
                    .text("Hi")
                    .build();
            assertThatThrownBy(() -> container.mailers().mailer("<default>").send(mail))
                    .isInstanceOf(MailerException.class)
                    .satisfies(e -> seen.append(trace(e)));
            assertThat(container.mailers().mailer("good").send(mail).allDelivered())
                    .isTrue();

            String ready = container.readiness().toString();
            assertThat(ready).contains("\"auth\""); // the mailer with the wrong secret is DOWN for the right reason
            seen.append(ready).append(container.liveness());
            assertThat(InMemoryTelemetry.SPANS.getFinishedSpanItems()).hasSizeGreaterThanOrEqualTo(2);
            seen.append(InMemoryTelemetry.SPANS.getFinishedSpanItems());
            seen.append(InMemoryTelemetry.METRICS.collectAllMetrics());
            seen.append(logs.text());
            assertThat(logs.text()).as("Angus's protocol trace was on").contains("STARTTLS");
        } finally {
            traced.forEach(l -> l.setLevel(null));
        }
        List<String> secrets = new ArrayList<>(stack.configuredSecrets());
        secrets.add(WRONG_SECRET);
        secrets.addAll(BLOBS);
        List<String> leaks = seen.toString()
                .lines()
                .filter(line -> secrets.stream().anyMatch(line::contains)
                        || JWT.matcher(line).find())
                .toList();
        assertThat(leaks).as("output lines holding a secret or a token").isEmpty();
    }

    /** The default mailer with the secret from the environment (wrong), mailer "good" with the right one. */
    private static Map<String, String> settings(OAuthStack stack) {
        Settings s = Settings.create().health(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(1));
        OAuth2TestSettings.of(stack)
                .forEach((key, value) -> s.property(key, value)
                        .property(key.replace("mailwire.mailer.", "mailwire.mailer.good."), value));
        return s.set("transactional", "never")
                .property("mailwire.mailer.good.transactional", "never")
                .property("mailwire.mailer.good.oauth2.client-secret", stack.clientSecret())
                .map();
    }

    private static List<Logger> trace(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.ALL);
            loggers.add(l); // held: a logger nobody references may be collected with its level
        }
        return loggers;
    }

    private static String trace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
