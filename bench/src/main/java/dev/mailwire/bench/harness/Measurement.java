package dev.mailwire.bench.harness;

import java.util.Arrays;

/**
 * What one scenario measured. Throughput per run (its median and spread), latency percentiles over all measured
 * runs, CPU per message over all measured runs.
 *
 * @param ratesPerRun messages per second of each measured run
 * @param clientCpuMicros this JVM's CPU time per message, in microseconds
 * @param machineCpuMicros the whole machine's busy CPU time per message (client + server + kernel); -1 if unknown
 * @param error the first failure, or null
 */
public record Measurement(
        Scenario scenario,
        double[] ratesPerRun,
        long messages,
        long errors,
        long p50Nanos,
        long p99Nanos,
        double clientCpuMicros,
        double machineCpuMicros,
        String error) {

    public double median() {
        if (ratesPerRun.length == 0) {
            return 0;
        }
        double[] sorted = ratesPerRun.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public double min() {
        return Arrays.stream(ratesPerRun).min().orElse(0);
    }

    public double max() {
        return Arrays.stream(ratesPerRun).max().orElse(0);
    }

    /** Half the range between the slowest and fastest run, relative to the median: ±x %. */
    public double spreadPercent() {
        double m = median();
        return m == 0 ? 0 : (max() - min()) / 2 / m * 100;
    }

    public static Measurement failed(Scenario s, String error) {
        return new Measurement(s, new double[0], 0, 1, 0, 0, 0, -1, error);
    }
}
