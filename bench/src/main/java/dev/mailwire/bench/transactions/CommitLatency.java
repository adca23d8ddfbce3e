package dev.mailwire.bench.transactions;

import dev.mailwire.bench.harness.ForkedJvm;
import dev.mailwire.bench.server.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** P4 from the parent's side: runs {@link CommitLatencyRun} in a forked JVM and reads its result. */
public final class CommitLatency {

    /** Commit latencies in nanoseconds, without and with one mail in the transaction. */
    public record Latencies(
            long p50Without, long p50With, long p99Without, long p99With, long countWithout, long countWith) {

        public double ratio() {
            return p50Without == 0 ? Double.NaN : (double) p50With / p50Without;
        }
    }

    /**
     * @param paced one transaction every {@value CommitLatencyRun#PACE_MILLIS} ms: the commit's own cost
     * @param backToBack as fast as one thread goes: the dispatcher's database writes compete with the commits
     * @param sent outbox entries the dispatcher had sent when the child stopped waiting
     * @param mails outbox entries written (one per transaction with a mail)
     */
    public record Result(
            String database, boolean ok, Latencies paced, Latencies backToBack, long sent, long mails, String error) {

        public static Result failed(String database, String error) {
            return new Result(database, false, null, null, 0, 0, error);
        }
    }

    private CommitLatency() {}

    public static Result skipped(String database, String why) {
        return Result.failed(database, why);
    }

    /** @param database {@code h2} or {@code postgresql} */
    public static Result run(String database, Target t, Path workDir) throws IOException, InterruptedException {
        String line = ForkedJvm.run(
                List.of("-Xmx512m"),
                CommitLatencyRun.class,
                t.asArgumentsAfter(database, workDir.toString()),
                Duration.ofMinutes(3));
        String[] f = line.split(" ");
        if (f.length != 16 || !f[1].equals("ok")) {
            return Result.failed(database, line.replaceFirst("^RESULT (failed )?", ""));
        }
        long[] v = new long[14];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(f[i + 2]);
        }
        return new Result(
                database,
                true,
                new Latencies(v[0], v[1], v[2], v[3], v[4], v[5]),
                new Latencies(v[6], v[7], v[8], v[9], v[10], v[11]),
                v[12],
                v[13],
                null);
    }
}
