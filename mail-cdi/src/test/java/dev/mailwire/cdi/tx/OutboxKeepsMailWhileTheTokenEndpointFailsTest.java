package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mailwire.Mail;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.OAuth2TestSettings;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.OutboxAdmin;
import dev.mailwire.cdi.outbox.OutboxEntry;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.oauth.OAuthStack;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, must-show 4's last clause: mail sent in a transaction while the issuer refuses the client or is down is
 * kept in the outbox (pending, retried, its error actionable and free of the secret; nothing sent), and goes out
 * once the issuer answers again: a wrong client secret fixed by redeploying with the right one (the same outbox
 * table), and a token endpoint that refuses connections, then comes up. Tokens come from the stack's Keycloak and
 * the mail goes to its Dovecot-checked Postfix. The endpoint that comes up is a plain HTTP relay to that Keycloak on
 * a port chosen beforehand: stopping the stack's Keycloak instead would cost every later test of this JVM its
 * restart.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES) // includes starting the stack on a cold machine
class OutboxKeepsMailWhileTheTokenEndpointFailsTest {

    private static final String WRONG_SECRET = "not-the-client-secret";

    private final OAuthStack stack = OAuthStack.shared();
    private final PrivatePostfix postfix = stack.postfix();

    @Test
    void wrongSecretKeepsTheMailUntilTheRightOneIsDeployed() throws Exception {
        postfix.clearObservations();
        Map<String, String> settings = settings(OAuth2TestSettings.of(stack));
        try (AgroalDataSource ds = Databases.h2()) {
            OutboxDataSource.current = ds;
            OutboxAdmin admin = new OutboxAdmin(ds);
            SendResult sent;
            try (TestConfig c = TestConfig.use(settings, Map.of(OAuth2TestSettings.SECRET_VARIABLE, WRONG_SECRET));
                    WeldContainer container = TxContainers.boot()) {
                sent = Jta.inTransaction(() -> TxContainers.mailer(container).send(mail("wrong secret")));
                assertThat(sent.isDeferred()).isTrue();
                OutboxEntry waiting = await(admin, sent, e -> e.attempts() >= 2);
                assertThat(waiting.state()).isEqualTo(OutboxEntry.State.PENDING);
                assertThat(waiting.lastError()).contains("oauth2.client-secret").doesNotContain(WRONG_SECRET);
            }
            assertThat(postfix.delivered()).isEmpty();

            // The operator fixes the secret and redeploys: a new mailer, the same outbox.
            try (TestConfig c =
                            TestConfig.use(settings, Map.of(OAuth2TestSettings.SECRET_VARIABLE, stack.clientSecret()));
                    WeldContainer container = TxContainers.boot()) {
                TxContainers.mailer(container).name(); // starts the mailer, and with it the outbox's sweeper
                assertDeliveredOnce(sent);
                assertThat(await(admin, sent, e -> e.state() == OutboxEntry.State.SENT)
                                .attempts())
                        .isGreaterThan(2);
            }
        }
    }

    @Test
    void endpointDownKeepsTheMailUntilItComesUp() throws Exception {
        postfix.clearObservations();
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port
                + URI.create(stack.tokenEndpoint("mail")).getPath();
        Map<String, String> settings = settings(OAuth2TestSettings.of(stack, endpoint));
        try (AgroalDataSource ds = Databases.h2();
                TestConfig c =
                        TestConfig.use(settings, Map.of(OAuth2TestSettings.SECRET_VARIABLE, stack.clientSecret()))) {
            OutboxDataSource.current = ds;
            OutboxAdmin admin = new OutboxAdmin(ds);
            try (WeldContainer container = TxContainers.boot()) {
                SendResult sent =
                        Jta.inTransaction(() -> TxContainers.mailer(container).send(mail("endpoint down")));
                assertThat(sent.isDeferred()).isTrue();
                OutboxEntry waiting = await(admin, sent, e -> e.attempts() >= 2);
                assertThat(waiting.state()).isEqualTo(OutboxEntry.State.PENDING);
                assertThat(waiting.lastError()).contains("refused the connection");
                assertThat(postfix.delivered()).isEmpty();

                HttpServer relay = relayToKeycloak(port);
                try {
                    assertDeliveredOnce(sent);
                    assertThat(TxContainers.outcomes(container)
                                    .await(1, Duration.ofSeconds(30))
                                    .get(0)
                                    .delivered())
                            .isTrue();
                } finally {
                    relay.stop(0);
                }
            }
        }
    }

    /** The outbox with short back-offs, and a send timeout shorter than its lease. */
    private static Map<String, String> settings(Map<String, String> oauth2) {
        Map<String, String> p = TxSettings.outbox(oauth2);
        p.put("mailwire.mailer.send-timeout", "PT5S");
        p.put("mailwire.mailer.oauth2.token-timeout", "PT3S");
        return p;
    }

    private Mail mail(String subject) {
        return Mail.builder()
                .to(postfix.address("ada"))
                .subject(subject)
                .text("Sent after commit while the token endpoint failed.")
                .build();
    }

    private void assertDeliveredOnce(SendResult sent) throws InterruptedException {
        assertThat(postfix.awaitDelivered(1, Duration.ofSeconds(60)).get(0).messageId())
                .contains(sent.messageId());
        Thread.sleep(600);
        assertThat(postfix.delivered()).hasSize(1);
    }

    private static OutboxEntry await(OutboxAdmin admin, SendResult sent, Predicate<OutboxEntry> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        OutboxEntry e = admin.entry(sent.deferral().outboxEntry()).orElseThrow();
        while (!condition.test(e) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            e = admin.entry(sent.deferral().outboxEntry()).orElseThrow();
        }
        assertThat(condition).as("outbox entry " + e).accepts(e);
        return e;
    }

    /** The token endpoint coming up: each request passed on to Keycloak and its answer back, as they are. */
    private HttpServer relayToKeycloak(int port) throws IOException {
        HttpServer relay = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        URI keycloak = URI.create(stack.issuer("mail"));
        relay.createContext("/", exchange -> {
            HttpURLConnection to = (HttpURLConnection)
                    keycloak.resolve(exchange.getRequestURI().getPath()).toURL().openConnection();
            to.setConnectTimeout(5000);
            to.setReadTimeout(10000);
            to.setRequestMethod(exchange.getRequestMethod());
            to.setRequestProperty("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"));
            to.setDoOutput(true);
            try (InputStream in = exchange.getRequestBody();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            }
            int status = to.getResponseCode();
            byte[] body;
            try (InputStream answer = status < 400 ? to.getInputStream() : to.getErrorStream()) {
                body = answer == null ? new byte[0] : answer.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        relay.start();
        return relay;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
