package dev.mailwire.it.reliability.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a blocking call from several threads at once and times every call: how long the slowest took, how many ended
 * with an exception, and the exceptions themselves (for the credential audit).
 *
 * @param durations every call's duration
 * @param failures every exception a call ended with
 */
public record TimedCalls(List<Duration> durations, List<Throwable> failures) {

    public static TimedCalls run(int threads, int callsPerThread, Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<TimedCalls>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Duration> durations = new ArrayList<>();
                List<Throwable> failures = new ArrayList<>();
                for (int i = 0; i < callsPerThread; i++) {
                    long start = System.nanoTime();
                    try {
                        call.call();
                    } catch (Exception e) {
                        failures.add(e);
                    }
                    durations.add(Duration.ofNanos(System.nanoTime() - start));
                }
                return new TimedCalls(durations, failures);
            }));
        }
        List<Duration> durations = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<TimedCalls> w : workers) {
            TimedCalls r = w.get(5, TimeUnit.MINUTES);
            durations.addAll(r.durations);
            failures.addAll(r.failures);
        }
        pool.shutdown();
        return new TimedCalls(durations, failures);
    }

    public Duration max() {
        return durations.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public long over(Duration bound) {
        return durations.stream().filter(d -> d.compareTo(bound) > 0).count();
    }
}
