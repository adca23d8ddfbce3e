package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import dev.mailwire.cdi.tx.TxContainers;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import io.agroal.api.AgroalDataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A committed row is leased to its node from the insert, so a node that stops with committed mail it has not started
 * to send must give those leases back: otherwise the mail would wait out {@code outbox.lease} (5 minutes by default)
 * before any other node, or this one restarted, sent it. Here one send hangs on a server that never greets, on the
 * only dispatch thread, and four more mails are committed meanwhile; after the stop no row is leased any more.
 */
@Timeout(60)
class StoppedNodeGivesBackWhatItHasNotSentTest {

    private static final int MAILS = 5;

    @Test
    void noRowStaysLeasedAfterAStop() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                AgroalDataSource dataSource = Databases.h2()) {
            OutboxDataSource.current = dataSource;
            Map<String, String> settings = new HashMap<>();
            settings.put("mailwire.mailer.host", "127.0.0.1");
            settings.put("mailwire.mailer.port", String.valueOf(silent.getLocalPort()));
            settings.put("mailwire.mailer.tls", "NONE");
            settings.put("mailwire.mailer.from", "app@example.test");
            settings.put("mailwire.mailer.connect-timeout", "PT2S");
            settings.put("mailwire.mailer.read-timeout", "PT2S");
            settings.put("mailwire.mailer.send-timeout", "PT2S");
            settings.put("mailwire.mailer.pool.max-size", "1");
            settings.put("mailwire.mailer.outbox.datasource", "outbox");
            settings.put("mailwire.mailer.outbox.lease", "PT5M");
            settings.put("mailwire.mailer.outbox.poll-interval", "PT30S");
            try (TestConfig config = TestConfig.use(settings)) {
                try (WeldContainer node = TxContainers.boot()) {
                    Mailer mailer = TxContainers.mailer(node);
                    send(mailer, 0);
                    Thread.sleep(300); // its send now hangs on the only dispatch thread
                    for (int i = 1; i < MAILS; i++) {
                        send(mailer, i); // handed over, not yet taken: the thread is busy
                    }
                    Thread.sleep(100);
                    assertThat(leased(dataSource)).isEqualTo(MAILS);
                }
            }
            assertThat(Databases.count(dataSource, "SELECT COUNT(*) FROM mailwire_outbox"))
                    .isEqualTo(MAILS);
            assertThat(leased(dataSource))
                    .as("rows still leased to the stopped node")
                    .isZero();
        }
    }

    private static void send(Mailer mailer, int i) throws Exception {
        Mail mail = Mail.builder()
                .to("ada@example.test")
                .subject("unsent " + i)
                .text("t")
                .build();
        Jta.inTransaction(() -> mailer.send(mail));
    }

    private static long leased(AgroalDataSource dataSource) throws Exception {
        return Databases.count(dataSource, "SELECT COUNT(*) FROM mailwire_outbox WHERE lease_owner IS NOT NULL");
    }
}
