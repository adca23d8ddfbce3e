package dev.mailwire.cdi.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.cdi.TestConfig;
import dev.mailwire.cdi.stats.MailerMonitor;
import dev.mailwire.cdi.stats.OutboxFigures;
import dev.mailwire.cdi.stats.deployment.MonitorCatcher;
import dev.mailwire.cdi.tx.Databases;
import dev.mailwire.cdi.tx.Jta;
import dev.mailwire.cdi.tx.TxContainers;
import dev.mailwire.cdi.tx.TxSettings;
import dev.mailwire.cdi.tx.deployment.OutboxDataSource;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A durable outbox reports its mailer's figures to that mailer's monitor, where readiness and metrics read them:
 * mail committed while the SMTP server is down shows as backlog with its commit time, and the backlog drains once
 * the server is back.
 */
@Timeout(60)
class OutboxFiguresReachTheMonitorTest {

    @Test
    void backlogFollowsTheServer() throws Exception {
        try (PrivatePostfix postfix = PrivatePostfix.builder().start();
                AgroalDataSource dataSource = Databases.h2()) {
            OutboxDataSource.current = dataSource;
            postfix.stop();
            try (TestConfig config = TestConfig.use(TxSettings.outbox(TxSettings.postfix(postfix)));
                    WeldContainer container = TxContainers.boot(MonitorCatcher.class)) {
                Mailer mailer = TxContainers.mailer(container);
                Instant before = Instant.now();
                Jta.inTransaction(() -> {
                    for (int i = 0; i < 3; i++) {
                        mailer.send(Mail.builder()
                                .to(postfix.address("ada"))
                                .subject("while down " + i)
                                .text("t")
                                .build());
                    }
                    return null;
                });
                MailerMonitor monitor =
                        container.select(MonitorCatcher.class).get().get("<default>");

                OutboxFigures waiting = await(monitor, f -> f.backlog() == 3);
                assertThat(waiting.oldestPending()).isBetween(before.minusSeconds(1), Instant.now());
                assertThat(waiting.deadLetters()).isZero();
                assertThat(monitor.problem()).isEmpty();

                postfix.start();
                postfix.awaitDelivered(3, Duration.ofSeconds(20));
                OutboxFigures drained = await(monitor, f -> f.backlog() == 0);
                assertThat(drained.oldestPending()).isNull();
                assertThat(drained.deadLetters()).isZero();
            }
        }
    }

    /** The figures once they match; polled, as a health check does, until they do. */
    private static OutboxFigures await(MailerMonitor monitor, Predicate<OutboxFigures> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        OutboxFigures f = monitor.outboxFigures();
        while ((f == null || !wanted.test(f)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            f = monitor.outboxFigures();
        }
        assertThat(f).as("outbox figures").isNotNull().matches(wanted);
        return f;
    }
}
