package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.SendResult;
import dev.mailwire.cdi.DkimTestKeys;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.outbox.MailOutcome;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.dkim.DkimVerifier;
import dev.mailwire.test.smtp.fake.Action;
import dev.mailwire.test.smtp.fake.Behaviour;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import dev.mailwire.test.smtp.fake.ReceivedMessage;
import dev.mailwire.test.smtp.fake.SmtpConnection;
import io.agroal.api.AgroalDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed mail held by the outbox and refused with 421 (the server closing) after its final dot is retried with
 * the very bytes that were signed: same DKIM-Signature, same Message-ID, and the accepted copy passes dkimpy.
 */
@Timeout(60)
class DkimSignatureSurvivesOutboxRetryTest {

    @TempDir
    Path keysDir;

    @Test
    void retrySendsTheSignedBytes() throws Exception {
        AtomicInteger refused = new AtomicInteger();
        Behaviour closingOnce = new Behaviour() {
            @Override
            public Action onMessage(SmtpConnection c, ReceivedMessage m) {
                return refused.getAndIncrement() == 0
                        ? Action.replyAndClose(421, "4.3.2 Service shutting down")
                        : Action.proceed();
            }
        };
        DkimTestKeys keys = DkimTestKeys.generate("example.org", keysDir);
        try (FakeSmtpServer server =
                        FakeSmtpServer.builder().behaviour(closingOnce).start();
                AgroalDataSource ds = Databases.h2()) {
            OutboxDataSource.current = ds;
            try (TestConfig config =
                            TestConfig.use(keys.signWithBoth(TxSettings.outbox(TxSettings.fakeServer(server))));
                    WeldContainer container = TxContainers.boot()) {
                SendResult held = Jta.inTransaction(() -> TxContainers.mailer(container)
                        .send(Mail.builder()
                                .from("shop@example.org")
                                .to("ada@example.net")
                                .subject("order")
                                .text("thanks")
                                .build()));

                MailOutcome outcome = TxContainers.outcomes(container)
                        .await(1, Duration.ofSeconds(20))
                        .get(0);
                assertThat(outcome.delivered()).isTrue();
                assertThat(outcome.attempts()).isEqualTo(2);
                List<ReceivedMessage> seen = server.messages();
                assertThat(seen).hasSize(2);
                assertThat(seen.get(1).content()).isEqualTo(seen.get(0).content());
                assertThat(seen.get(1).messageId()).contains(held.messageId());
                DkimVerifier.Result verdict = keys.verifier().verify(seen.get(1).content());
                assertThat(verdict.passed())
                        .as(String.join("\n", verdict.lines()))
                        .isTrue();
                assertThat(verdict.lines()).hasSize(2);
            }
        }
    }
}
