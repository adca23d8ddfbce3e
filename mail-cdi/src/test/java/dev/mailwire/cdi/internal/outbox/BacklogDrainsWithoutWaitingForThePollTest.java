package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import dev.mailwire.cdi.tx.TxContainers;
import dev.mailwire.cdi.tx.TxSettings;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A backlog in the outbox table is delivered as fast as the dispatch threads free up, not {@code 2 × pool.max-size}
 * mails per poll interval: 60 mails committed while the server was down drain within seconds once the server and the
 * application are back, although the poll interval is 30 s (the sweep at start alone took 4 of them, the next one
 * 30 s later).
 */
@Timeout(90)
class BacklogDrainsWithoutWaitingForThePollTest {

    private static final int MAILS = 60;

    @Test
    void backlogDrainsAsThreadsFreeUp() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                AgroalDataSource dataSource = Databases.h2()) {
            OutboxDataSource.current = dataSource;
            Map<String, String> settings = TxSettings.outbox(TxSettings.postfix(postfix));
            settings.put("mailwire.mailer.outbox.poll-interval", "PT30S");
            settings.put("mailwire.mailer.pool.max-size", "2");
            try (TestConfig config = TestConfig.use(settings)) {
                postfix.stop();
                try (WeldContainer node = TxContainers.boot()) {
                    Mailer mailer = TxContainers.mailer(node);
                    for (int i = 0; i < MAILS; i++) {
                        Mail mail = Mail.builder()
                                .to(postfix.address("ada"))
                                .subject("backlog " + i)
                                .text("t")
                                .build();
                        Jta.inTransaction(() -> mailer.send(mail));
                    }
                }
                Thread.sleep(1500); // max-backoff is PT1S: every entry is due again when the node restarts
                postfix.start();

                try (WeldContainer restarted = TxContainers.boot()) {
                    TxContainers.mailer(restarted).name(); // starts the mailer, and with it the outbox's sweeper
                    assertThat(postfix.awaitDelivered(MAILS, Duration.ofSeconds(20)))
                            .hasSize(MAILS);
                }
            }
        }
    }
}
