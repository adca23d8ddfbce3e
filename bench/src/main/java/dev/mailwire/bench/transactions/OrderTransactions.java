package dev.mailwire.bench.transactions;

import dev.mailwire.bench.harness.LatencyHistogram;
import io.agroal.api.AgroalDataSource;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Locale;

/**
 * Transactions that insert one order row, and in every other round also send one mail, timing only
 * {@code commit()}. The two kinds alternate in short rounds, so drift (JIT, other work on the machine) hits both
 * alike.
 */
final class OrderTransactions {

    private static final Duration ROUND = Duration.ofMillis(400);
    private static final int WARM_UP_ROUNDS = 2;
    private static final int ROUNDS = 6;

    private final TransactionManager tm;
    private final AgroalDataSource ds;
    private final TransactionalSender sender;

    OrderTransactions(TransactionManager tm, AgroalDataSource ds, TransactionalSender sender) {
        this.tm = tm;
        this.ds = ds;
        this.sender = sender;
    }

    /**
     * @param pace start a transaction at most this often (zero: back to back). Paced, each commit meets a
     *     dispatcher that has sent the previous mail; back to back, the dispatcher's own database writes (claim,
     *     result) compete with the commits.
     * @return p50 and p99 without and with a mail, and the counts, as six numbers
     */
    String measure(Duration pace) throws Exception {
        LatencyHistogram without = new LatencyHistogram();
        LatencyHistogram with = new LatencyHistogram();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            boolean record = round >= WARM_UP_ROUNDS;
            round(false, pace, record ? without : new LatencyHistogram());
            round(true, pace, record ? with : new LatencyHistogram());
        }
        return String.format(
                Locale.ROOT,
                "%d %d %d %d %d %d",
                without.percentile(0.5),
                with.percentile(0.5),
                without.percentile(0.99),
                with.percentile(0.99),
                without.count(),
                with.count());
    }

    private void round(boolean mail, Duration pace, LatencyHistogram commits) throws Exception {
        long end = System.nanoTime() + ROUND.toNanos();
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            tm.begin();
            try (Connection c = ds.getConnection();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO bench_order (note) VALUES (?)")) {
                insert.setString(1, "order");
                insert.executeUpdate();
            }
            if (mail && !sender.send().isDeferred()) {
                tm.rollback();
                throw new IllegalStateException("a send in a transaction was not deferred to the commit");
            }
            long t0 = System.nanoTime();
            tm.commit();
            commits.record(System.nanoTime() - t0);
            next += pace.toNanos();
            if (next < System.nanoTime()) {
                next = System.nanoTime(); // fell behind: never catch up in a burst
            }
            // Spin rather than sleep: a thread woken from sleep pays the scheduler's wake-up and a cold cache in
            // its next commit, which measured 60 µs against 1.3 µs for H2's commit here.
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
        }
    }
}
