package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dispatcher sends on at most {@code pool.max-size} threads of its own however many mails commit at once, and
 * its threads are gone once the container has shut down.
 */
@Timeout(60)
class DispatcherThreadsBoundedAndStoppedTest {

    private static final String PREFIX = "mailwire-outbox-";

    @Test
    void boundedWhileRunningAndGoneAfterShutdown() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.builder().start();
                AgroalDataSource ds = Databases.h2()) {
            OutboxDataSource.current = ds;
            Map<String, String> p = TxSettings.fakeServer(server);
            p.put("mailwire.mailer.pool.max-size", "2");
            int peak = 0;
            try (TestConfig config = TestConfig.use(TxSettings.outbox(p));
                    WeldContainer container = TxContainers.boot()) {
                Mailer mailer = TxContainers.mailer(container);
                for (int i = 0; i < 20; i++) {
                    Jta.inTransaction(() -> mailer.send(Mail.builder()
                            .to("ada@example.org")
                            .subject("s")
                            .text("t")
                            .build()));
                    peak = Math.max(peak, dispatcherThreads());
                }
                server.awaitMessages(20, Duration.ofSeconds(20));
            }
            assertThat(peak).isBetween(1, 2);
            assertThat(dispatcherThreads()).isZero();
        }
    }

    private static int dispatcherThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(PREFIX))
                .count();
    }
}
