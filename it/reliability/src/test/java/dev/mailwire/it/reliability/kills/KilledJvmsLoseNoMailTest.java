package dev.mailwire.it.reliability.kills;

import dev.mailwire.it.reliability.support.AfterDotFaults;
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
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfixBuilder;
import io.agroal.api.AgroalDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The application JVM is killed with SIGKILL {@link Soak#kills()} times, each at a random moment of a steady load of
 * transactional sends (forked JVMs, one after the other, on one PostgreSQL outbox); a last JVM, without load, takes
 * over what the dead ones left (their leases run out). Every row of the outbox — every commit, including those the
 * killed JVM had no time to report — ends delivered (none dead-lettered), and every duplicate is one the killed JVM's
 * server session accepted last before the connection died.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class KilledJvmsLoseNoMailTest {

    private static final int THREADS = 3;
    /** The dispatcher's room in one JVM (2 × pool.max-size): the most mails a kill can catch after their final dot. */
    private static final int IN_FLIGHT_PER_JVM = 8;

    @Test
    void everyCommitSurvivesTheKills() throws Exception {
        Soak soak = Soak.current();
        Section report = Report.section("2-kills", "Application JVMs killed under load");
        CredentialAudit audit = CredentialAudit.begin();
        String table = Databases.uniqueTable("mw_rel_kills");
        PrivatePostfixBuilder builder = PrivatePostfix.builder();
        for (int i = 0; i <= soak.kills(); i++) {
            String user = "gen" + i;
            builder.user(user, Credentials.password(user));
            audit.alsoSecret(user, Credentials.password(user));
        }
        try (PrivatePostfix postfix = builder.start();
                AgroalDataSource db = Databases.postgres()) {
            try {
                List<String> printed = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < soak.kills(); i++) {
                    long uptime = ThreadLocalRandom.current()
                            .nextLong(
                                    soak.minUptime().toMillis(),
                                    soak.maxUptime().toMillis());
                    // close() after kill() finds the JVM gone; it only matters when something failed before the kill.
                    try (NodeProcess node =
                            NodeProcess.start("gen" + i, settings(postfix, table, "gen" + i, THREADS))) {
                        node.awaitReady(Duration.ofSeconds(60));
                        Thread.sleep(uptime);
                        node.kill();
                        printed.addAll(node.committed());
                        audit.logFile(node.log());
                    }
                }
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                OutboxLedger ledger;
                String last = "gen" + soak.kills();
                try (NodeProcess survivor = NodeProcess.start(last, settings(postfix, table, last, 0))) {
                    survivor.awaitReady(Duration.ofSeconds(60));
                    ledger = OutboxLedger.awaitSettled(db, table, Duration.ofMinutes(5));
                    postfix.awaitDelivered((int) ledger.count("SENT"), Duration.ofMinutes(2));
                    audit.logFile(survivor.log());
                }
                MailAccount account = MailAccount.of(ledger, postfix, AfterDotFaults::clientDies);
                int peak = postfix.log().peakConnectionsInUse();
                long missing = printed.stream()
                        .filter(id -> !ledger.states().containsKey(id))
                        .count();

                report.measured(
                        "kills",
                        soak.kills(),
                        "SIGKILL (`Process.destroyForcibly`) after a random 0.6–2.5 s of "
                                + "load; each JVM: Weld SE, Narayana, Agroal, " + THREADS + " senders 10 ms apart");
                account.report(
                                report,
                                "rows of the PostgreSQL outbox; a JVM may die between its commit and printing " + "it: "
                                        + printed.size() + " were printed",
                                (long) soak.kills() * IN_FLIGHT_PER_JVM,
                                "bound: kills × " + IN_FLIGHT_PER_JVM + " (the dispatcher's room: 2 × pool.max-size "
                                        + "sends under way or awaiting their outcome's write in one JVM)")
                        .zero(
                                "printed commits missing from the outbox",
                                missing,
                                "Message-IDs a node printed after its commit without an outbox row")
                        .zero(
                                "outbox rows with no attempt recorded",
                                ledger.unattempted(),
                                "outbox `attempts` = 0 after the backlog settled")
                        .measured(
                                "longest commit-to-delivery",
                                ledger.longestDelay().toMillis() + " ms",
                                "includes " + "the 3 s lease a killed JVM's claim holds, and the next JVM's start")
                        .atMost(
                                "peak connections at the server",
                                peak,
                                4,
                                "Postfix's log; one JVM runs at a time; bound: pool.max-size (4 per JVM)")
                        .measured(
                                "load time", Math.round(loadSeconds) + " s", "the killed JVMs' lives, starts included")
                        .note("A duplicate counts as explained when Postfix queued its earlier copy in a session of a "
                                + "killed JVM (ended without QUIT): the JVM died after that mail's final dot and before "
                                + "it recorded the mail as sent. The copy need not be the session's last: the "
                                + "connection goes back to the pool and serves further mails while the outcome is "
                                + "being written to the database.")
                        .count(Matrix.OVER_MAX_SIZE, peak > 4 ? 1 : 0);
                audit.report(report);
                Report.write(report);
                report.verify();
            } finally {
                Databases.drop(db, table);
            }
        }
    }

    private static Map<String, String> settings(PrivatePostfix postfix, String table, String user, int threads) {
        Map<String, String> p = new HashMap<>(MailerSettings.postfix(postfix)
                .outbox(table)
                .set("username", user)
                .set("password", Credentials.password(user))
                .set("send-timeout", "PT2S")
                .set("outbox.lease", "PT3S")
                .asMap());
        p.put("node.to", postfix.address("inbox"));
        p.put("node.threads", String.valueOf(threads));
        p.put("node.pause-ms", "10");
        return p;
    }
}
