package dev.mailwire.bench.report;

import dev.mailwire.bench.transactions.CommitLatency;
import java.util.List;
import java.util.Locale;

/** The P4 section of the report: commit latency with one mail against without, per database and pace. */
final class TransactionsSection {

    private TransactionsSection() {}

    static void write(StringBuilder md, List<CommitLatency.Result> transactions) {
        md.append("\n## Transactions (P4): commit latency with one mail against without\n\n");
        md.append("Embedded Narayana and an Agroal pool enlisted in it; Mailwire's durable outbox in the same database"
                + " as the business row (`outbox.datasource`); the mail delivered after commit to the TLS sink. Every"
                + " transaction inserts one order row; in every other 0.4 s round each transaction also calls"
                + " `Mailer.send` (which renders the mail and writes the outbox row). Only `commit()` is timed."
                + " *Paced*: one transaction every 5 ms, so each commit meets a dispatcher that is done with the"
                + " previous mail — the commit's own cost, which P4 judges. *Back to back*: one thread as fast as it"
                + " goes, so the dispatcher's own writes for earlier mail (claim, result) compete with the commits."
                + " In-memory H2 is the strictest case (its commit is nearly free); PostgreSQL 15 on this machine"
                + " (database `mailwire_bench`) is the realistic one.\n\n");
        md.append("| database | pace | commits without / with | p50 without | p50 with | ratio | p99 without"
                + " | p99 with |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (CommitLatency.Result tx : transactions) {
            if (!tx.ok()) {
                md.append("| ").append(tx.database()).append(" | not measured: ");
                md.append(Format.failure(tx.error())).append(" | | | | | | |\n");
                continue;
            }
            row(md, tx.database(), "paced", tx.paced());
            row(md, tx.database(), "back to back", tx.backToBack());
        }
        md.append('\n');
        for (CommitLatency.Result tx : transactions) {
            if (tx.ok()) {
                md.append(String.format(
                        Locale.ROOT,
                        "%s: %,d outbox entries written, %,d sent when the run stopped waiting (10 s after the last"
                                + " commit).%n",
                        tx.database(),
                        tx.mails(),
                        tx.sent()));
            }
        }
    }

    private static void row(StringBuilder md, String database, String pace, CommitLatency.Latencies l) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %,d / %,d | %s µs | %s µs | %s | %s µs | %s µs |%n",
                database,
                pace,
                l.countWithout(),
                l.countWith(),
                micros(l.p50Without()),
                micros(l.p50With()),
                Format.ratio(l.ratio()),
                micros(l.p99Without()),
                micros(l.p99With())));
    }

    private static String micros(long nanos) {
        return Format.micros(nanos / 1e3);
    }
}
