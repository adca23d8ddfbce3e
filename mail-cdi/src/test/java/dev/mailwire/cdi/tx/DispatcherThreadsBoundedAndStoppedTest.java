package dev.mailwire.cdi.tx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.HashMap;
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
            Map<String, String> p = new HashMap<>();
            p.put("mailwire.mailer.host", server.host());
            p.put("mailwire.mailer.port", String.valueOf(server.port()));
            p.put("mailwire.mailer.trust-store", server.trustStore().toString());
            p.put("mailwire.mailer.trust-store-password", server.trustStorePassword());
            p.put("mailwire.mailer.trust-store-type", server.trustStoreType());
            p.put("mailwire.mailer.from", "app@example.org");
            p.put("mailwire.mailer.send-timeout", "PT5S");
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
