package dev.mailwire.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.support.Apps;
import dev.mailwire.it.support.Http;
import dev.mailwire.it.support.ServerTest;
import dev.mailwire.it.support.ServerUnderTest;
import dev.mailwire.it.support.SharedPostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's own MicroProfile Health endpoint lists every mailer of an application that bundles
 * mailwire-mp-health: {@code GET /health/ready} (WildFly: on the management interface; Payara: on the HTTP port)
 * holds the check {@code mailwire-mailers} with the default mailer and a named one, each UP because a probe through
 * the operator's connection factory reached the shared Postfix, and no password of the application's configuration.
 * On Payara the probes once never ran: its managed executor aborted tasks submitted from its health endpoint.
 */
@ServerTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadinessListsEachMailerTest {

    private static final String CHECK = "mailwire-mailers";
    private static final String DEFAULT = "<default>"; // Mailer.DEFAULT_NAME
    private static final String NAMED = "billing";
    private static final String DEFAULT_USER = "healthdefault";
    private static final String NAMED_USER = "healthbilling";

    /**
     * How long readiness may take to report both mailers UP: the first poll waits for its probes at most
     * {@code mailwire.health.timeout} (5 s) and answers DOWN ({@code timeout}) if the first connection of a cold
     * server takes longer; the probe goes on and the next poll has its answer.
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive app() {
        return Apps.cdiWithHealth(
                "readiness", Apps.merge(Apps.mailer(null, DEFAULT_USER), Apps.mailer(NAMED, NAMED_USER)));
    }

    @Test
    void readyListsEveryMailerUpWithoutSecrets() throws InterruptedException {
        PrivatePostfix postfix = SharedPostfix.postfix();
        postfix.clearObservations();

        Http.Answer answer = awaitMailersUp();
        System.out.printf(
                "%s: %s answered %d: %s%n",
                ServerUnderTest.name(), ServerUnderTest.healthReady(), answer.status(), answer.body());

        assertThat(answer.status())
                .as("/health/ready status; body: %s", answer.body())
                .isEqualTo(200);
        JsonObject data = mailwireCheck(answer)
                .orElseThrow(() -> new AssertionError("no check " + CHECK + " in " + answer.body()))
                .getJsonObject("data");
        for (String mailer : List.of(DEFAULT, NAMED)) {
            assertThat(data.getString(mailer)).as(mailer).isEqualTo("UP");
            assertThat(data.getString(mailer + ".server"))
                    .as("%s.server: the application's name for the connection factory", mailer)
                    .isEqualTo(Apps.CONNECTION_FACTORY_REF);
            // No mail was sent: UP rests on a probe, which borrowed a connection (TCP, STARTTLS, AUTH).
            assertThat(data.getString(mailer + ".checked-by"))
                    .as(mailer + ".checked-by")
                    .isEqualTo("probe");
            assertThat(data.containsKey(mailer + ".checked-ago-ms"))
                    .as(mailer + ".checked-ago-ms")
                    .isTrue();
        }
        assertThat(answer.body())
                .as("no secret nor user name of the application's configuration")
                .doesNotContain(SharedPostfix.PASSWORD, postfix.trustStorePassword(), DEFAULT_USER, NAMED_USER);
        // The probes reached the real server: one connection per mailer (per identity, in the server's pool).
        postfix.log().await(s -> s.size() >= 2, Duration.ofSeconds(30), "a connection per mailer's probe");
    }

    /** Polls readiness until both mailers are UP, or returns the last answer once {@link #READY_WITHIN} has passed. */
    private static Http.Answer awaitMailersUp() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            Http.Answer answer = Http.answer(ServerUnderTest.healthReady(), Duration.ofSeconds(30));
            boolean up = mailwireCheck(answer)
                    .map(check -> "UP".equals(check.getString("status", "")))
                    .orElse(false);
            if (up || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    /** The {@value #CHECK} check of a readiness answer (200 or 503: both carry the checks), if it is there. */
    private static Optional<JsonObject> mailwireCheck(Http.Answer answer) {
        if (answer.status() != 200 && answer.status() != 503) {
            return Optional.empty();
        }
        JsonObject health;
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            health = reader.readObject();
        }
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> CHECK.equals(check.getString("name", "")))
                .findFirst();
    }
}
