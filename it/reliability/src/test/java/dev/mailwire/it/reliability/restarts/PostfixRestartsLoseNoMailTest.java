package dev.mailwire.it.reliability.restarts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailwire.it.reliability.support.AfterDotFaults;
import dev.mailwire.it.reliability.support.App;
import dev.mailwire.it.reliability.support.CredentialAudit;
import dev.mailwire.it.reliability.support.Credentials;
import dev.mailwire.it.reliability.support.Databases;
import dev.mailwire.it.reliability.support.MailAccount;
import dev.mailwire.it.reliability.support.MailerSettings;
import dev.mailwire.it.reliability.support.Matrix;
import dev.mailwire.it.reliability.support.OutboxLedger;
import dev.mailwire.it.reliability.support.Report;
import dev.mailwire.it.reliability.support.Section;
import dev.mailwire.it.reliability.support.Soak;
import dev.mailwire.it.reliability.support.TransactionalLoad;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real Postfix is stopped and started {@link Soak#restarts()} times, at random moments, while senders commit
 * transactional mail to a PostgreSQL outbox. Afterwards every committed mail is delivered or dead-lettered (0 lost),
 * every delivered copy carries a committed Message-ID, every duplicate is explained by Postfix's own log (accepted as
 * the last message of a session that ended without QUIT), the server never saw more than pool.max-size connections,
 * and no connection is left in use.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PostfixRestartsLoseNoMailTest {

    private static final int MAX_SIZE = 4;
    private static final int PAUSE_MILLIS = 50;

    @Test
    void everyCommittedMailIsDeliveredOrDeadLettered() throws Exception {
        Soak soak = Soak.current();
        Section report = Report.section("1-restarts", "Postfix restarted under load");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_restarts");
        try (PrivatePostfix postfix = PrivatePostfix.builder()
                        .user(Credentials.USER, Credentials.PASSWORD)
                        .start();
                AgroalDataSource db = Databases.postgres()) {
            MailerSettings settings =
                    MailerSettings.postfix(postfix).outbox(table).set("pool.max-size", String.valueOf(MAX_SIZE));
            try (App app = App.start(settings, db)) {
                long start = System.nanoTime();
                TransactionalLoad load = TransactionalLoad.start(
                        app.mailer(), postfix.address("inbox"), soak.senders(), Duration.ofMillis(PAUSE_MILLIS));
                long downMillis;
                try (load) {
                    downMillis = restart(postfix, soak.restarts());
                }
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                load.failures().forEach(audit::exception);
                assertThat(load.failures()).as("commits that failed").isEmpty();

                long drainStart = System.nanoTime();
                // The outbox's sweeper drains a backlog at 2 × pool.max-size entries per poll interval (40/s here).
                OutboxLedger ledger = OutboxLedger.awaitSettled(
                        db, table, Duration.ofSeconds(60 + load.committed().size() / 20));
                long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
                assertThat(ledger.states().keySet())
                        .as("the outbox holds every commit")
                        .containsAll(load.committed());
                postfix.awaitDelivered((int) ledger.count("SENT"), Duration.ofMinutes(2));
                MailAccount account = MailAccount.of(ledger, postfix, AfterDotFaults::serverStops);
                int peak = postfix.log().peakConnectionsInUse();
                int inUse = app.monitor().poolStats().inUse();
                audit.health(app.monitor().stats());
                audit.health(app.monitor().probe());

                report.figure(
                                "restarts",
                                soak.restarts(),
                                "`PrivatePostfix.stop()` then `start()`, up 0.2–0.8 s and "
                                        + "down 0.05–0.3 s at random, during the load")
                        .figure("time the server was down", downMillis + " ms", "sum of the down periods");
                account.report(
                                report,
                                soak.senders() + " threads, one mail per JTA transaction, " + PAUSE_MILLIS
                                        + " ms apart, for " + Math.round(loadSeconds)
                                        + " s; rows of the PostgreSQL outbox")
                        .figure(
                                "delivery attempts",
                                ledger.attempts() + " (max " + ledger.maxAttempts() + " for one mail)",
                                "outbox `attempts` column")
                        .figure(
                                "backlog drained after the last restart in",
                                drainMillis + " ms",
                                "from the end of " + "the load until no outbox row is PENDING")
                        .figure(
                                "longest commit-to-delivery",
                                ledger.longestDelay().toMillis() + " ms",
                                "outbox `completed_at − created_at`")
                        .figure(
                                "peak connections at the server",
                                peak + " (pool.max-size " + MAX_SIZE + ")",
                                "Postfix's log, each session from connect to its last activity")
                        .figure("connections in use afterwards", inUse, "`PoolStats.inUse()` from the mailer's monitor")
                        .figure("credential leaks", audit.leaks().size(), audit.seen())
                        .note(
                                "A duplicate counts as explained when Postfix queued its earlier copy as the last message of "
                                        + "a session that then ended without QUIT: the message in flight when the server "
                                        + "stopped, whose 250 the client may never have read. The outbox's sweeper drains a "
                                        + "backlog at 2 × pool.max-size entries per outbox.poll-interval (here 8 per 0.2 s), "
                                        + "which sets the drain time.")
                        .count(Matrix.OVER_MAX_SIZE, peak > MAX_SIZE ? 1 : 0)
                        .count(Matrix.IN_USE_AFTER, inUse)
                        .count(Matrix.CREDENTIAL_LEAKS, audit.leaks().size());
                Report.write(report);

                assertThat(account.lost()).as("lost mails").isZero();
                assertThat(account.strangers())
                        .as("copies with another Message-ID")
                        .isZero();
                assertThat(account.unexplained())
                        .as("duplicates without a fault after the dot")
                        .isZero();
                assertThat(peak).as("peak connections").isLessThanOrEqualTo(MAX_SIZE);
                assertThat(inUse).as("in use after the storm").isZero();
                assertThat(audit.leaks())
                        .as("credentials in logs, exceptions, health")
                        .isEmpty();
            } finally {
                Databases.drop(db, table);
            }
        }
    }

    /** Restarts Postfix {@code times} times at random moments; returns how long it was down in all. */
    private static long restart(PrivatePostfix postfix, int times) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long down = 0;
        for (int i = 0; i < times; i++) {
            Thread.sleep(random.nextLong(200, 800));
            long stopped = System.nanoTime();
            postfix.stop();
            Thread.sleep(random.nextLong(50, 300));
            postfix.start();
            down += (System.nanoTime() - stopped) / 1_000_000;
        }
        Thread.sleep(500);
        return down;
    }
}
