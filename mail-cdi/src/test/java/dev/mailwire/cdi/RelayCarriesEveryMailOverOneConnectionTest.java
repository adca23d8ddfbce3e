package dev.mailwire.cdi;

import static dev.mailwire.cdi.ConcurrentSenders.bare;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.ConcurrentSenders.Outcome;
import dev.mailwire.cdi.deployment.DefaultMailerClient;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.jca.pool.PoolStats;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.Transcript;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Eight threads share an embedded pool of one connection: each sender that finds another waiting hands it the
 * connection with its final dot unanswered, and that dot goes out with the next mail's envelope (RFC 2920 §3.1).
 * Every mail arrives once, over the one connection, and nobody times out waiting for it.
 *
 * <p>The fake speaks plaintext ({@code tls=NONE}): only then can it see that bytes followed a final dot before it
 * replied (under TLS the next record is not in its buffer yet).
 */
@Timeout(120)
class RelayCarriesEveryMailOverOneConnectionTest {

    private static final int THREADS = 8;
    private static final int MAILS_PER_THREAD = 25;

    @Test
    void eightThreadsShareOneConnection() throws Exception {
        try (FakeSmtpServer server =
                FakeSmtpServer.builder().startTls(false).requireTls(false).start()) {
            Map<String, String> config = FakeServerSettings.withoutAuth(FakeServerSettings.DEFAULT_MAILER, server);
            config.put("mailwire.mailer.tls", "NONE");
            config.put("mailwire.mailer.pool.max-size", "1");
            // This test counts connections: none may be retired while it runs.
            config.put("mailwire.mailer.pool.max-messages-per-connection", "10000");
            List<Outcome> outcomes;
            PoolStats pool;
            try (TestConfig c = TestConfig.use(config);
                    WeldContainer container = Containers.boot(DefaultMailerClient.class, MonitorCatcher.class)) {
                Mailer mailer = container.select(DefaultMailerClient.class).get().mailer;
                outcomes = ConcurrentSenders.send(
                        mailer,
                        THREADS,
                        MAILS_PER_THREAD,
                        RelayCarriesEveryMailOverOneConnectionTest::mail,
                        Duration.ofSeconds(90));
                pool = container
                        .select(MonitorCatcher.class)
                        .get()
                        .get("<default>")
                        .stats()
                        .pool();
            }

            assertThat(outcomes).hasSize(THREADS * MAILS_PER_THREAD).allSatisfy(o -> {
                assertThat(o.error()).as("error of %s", o.messageId()).isNull();
                assertThat(o.delivered()).isTrue();
                assertThat(bare(o.result().messageId())).isEqualTo(bare(o.messageId()));
            });
            assertThat(server.messages())
                    .extracting(m -> bare(m.messageId()))
                    .containsExactlyInAnyOrderElementsOf(
                            outcomes.stream().map(o -> bare(o.messageId())).toList());
            assertThat(server.connectionCount()).isEqualTo(1);
            assertThat(pool.created()).isEqualTo(1);
            assertThat(pool.timeouts()).isZero();
            Transcript only = server.transcript(0);
            assertThat(only.envelopesWithFinalDot())
                    .as("final dots that went out with the next envelope")
                    .isPositive();
        }
    }

    private static Mail mail(String messageId) {
        return Mail.builder()
                .to("inbox@example.org")
                .messageId(messageId)
                .subject("relayed " + messageId)
                .text("Body of " + messageId + ".")
                .build();
    }
}
