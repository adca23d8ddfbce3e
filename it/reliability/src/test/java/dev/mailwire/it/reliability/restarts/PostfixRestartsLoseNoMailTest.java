package dev.mailwire.it.reliability.restarts;

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
 * transactional mail to a PostgreSQL outbox. Afterwards every committed mail is delivered (0 lost, none dead-lettered),
 * every delivered copy carries a committed Message-ID, every duplicate is explained by Postfix's own log (accepted as
 * the last message of a session that ended without QUIT), the server never saw more than pool.max-size connections,
 * and no connection is left in use.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PostfixRestartsLoseNoMailTest {

    private static final int MAX_SIZE = 4;
    private static final int PAUSE_MILLIS = 50;
    /** The outbox settings of {@link MailerSettings#outbox}: 2 × pool.max-size rows per 0.2 s poll; 2 s max back-off. */
    private static final long DRAIN_PER_SECOND = 40;

    private static final long MAX_BACKOFF_MILLIS = 2000;
    /** Scheduling on a busy 2-core machine, and Postfix's own queue. */
    private static final long DRAIN_SLACK_MILLIS = 10_000;

    @Test
    void everyCommittedMailIsDelivered() throws Exception {
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
                long pendingAtEnd = OutboxLedger.read(db, table).count("PENDING");

                long drainStart = System.nanoTime();
                // The outbox's sweeper drains a backlog at 2 × pool.max-size entries per poll interval (40/s here).
                OutboxLedger ledger = OutboxLedger.awaitSettled(
                        db, table, Duration.ofSeconds(60 + load.committed().size() / 20));
                long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
                long drainBound = DRAIN_SLACK_MILLIS + MAX_BACKOFF_MILLIS + pendingAtEnd * 1000 / DRAIN_PER_SECOND;
                long missing = load.committed().stream()
                        .filter(id -> !ledger.states().containsKey(id))
                        .count();
                postfix.awaitDelivered((int) ledger.count("SENT"), Duration.ofMinutes(2));
                MailAccount account = MailAccount.of(ledger, postfix, AfterDotFaults::serverStops);
                int peak = postfix.log().peakConnectionsInUse();
                int inUse = app.monitor().poolStats().inUse();
                audit.health(app.monitor().stats());
                audit.health(app.monitor().probe());

                report.measured(
                                "restarts",
                                soak.restarts(),
                                "`PrivatePostfix.stop()` then `start()`, up 0.2–0.8 s and down 0.05–0.3 s at random, "
                                        + "during the load")
                        .measured("time the server was down", downMillis + " ms", "sum of the down periods")
                        .zero(
                                "commits that failed",
                                load.failures().size(),
                                "exceptions from `Mailer.send` or the commit: the outbox takes mail while the server is"
                                        + " down")
                        .zero(
                                "commits missing from the outbox",
                                missing,
                                "committed Message-IDs without an outbox row");
                account.report(
                                report,
                                soak.senders() + " threads, one mail per JTA transaction, " + PAUSE_MILLIS
                                        + " ms apart, for " + Math.round(loadSeconds)
                                        + " s; rows of the PostgreSQL outbox",
                                (long) soak.restarts() * MAX_SIZE,
                                "bound: restarts × pool.max-size (each stop cuts at most pool.max-size sessions, each "
                                        + "with at most one message in flight)")
                        .zero(
                                "outbox rows with no attempt recorded",
                                ledger.unattempted(),
                                "outbox `attempts` = 0 after the backlog settled")
                        .measured(
                                "delivery attempts",
                                ledger.attempts() + " (max " + ledger.maxAttempts() + " for one mail)",
                                "outbox `attempts` column")
                        .measured("backlog when the load stopped", pendingAtEnd, "outbox rows PENDING")
                        .atMost(
                                "backlog drained in (ms)",
                                drainMillis,
                                drainBound,
                                "from the end of the load until no outbox row is PENDING; bound: "
                                        + DRAIN_SLACK_MILLIS / 1000 + " s + outbox.max-backoff + the backlog at "
                                        + DRAIN_PER_SECOND + " rows/s")
                        .measured(
                                "longest commit-to-delivery",
                                ledger.longestDelay().toMillis() + " ms",
                                "outbox `completed_at − created_at`")
                        .atMost(
                                "peak connections at the server",
                                peak,
                                MAX_SIZE,
                                "Postfix's log, each session from connect to its last activity; bound: pool.max-size")
                        .zero("connections in use afterwards", inUse, "`PoolStats.inUse()` from the mailer's monitor")
                        .note(
                                "A duplicate counts as explained when Postfix queued its earlier copy as the last message of "
                                        + "a session that then ended without QUIT: the message in flight when the server "
                                        + "stopped, whose 250 the client may never have read. The outbox's sweeper drains a "
                                        + "backlog at 2 × pool.max-size entries per outbox.poll-interval (here 8 per 0.2 s), "
                                        + "which sets the drain time.")
                        .count(Matrix.OVER_MAX_SIZE, peak > MAX_SIZE ? 1 : 0)
                        .count(Matrix.IN_USE_AFTER, inUse);
                audit.report(report);
                Report.write(report);
                report.verify();
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
