package dev.mailwire.bench.harness;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain harness: platform threads calling {@link Client#send} in a loop for a fixed time. A warm-up window first,
 * then the measured windows; each window's rate is its messages divided by the time until the last thread
 * finished, so a slow last message is counted, not cut off.
 */
public final class Harness {

    /** After this many failed sends a window stops early: the scenario is broken, not slow. */
    private static final long MAX_ERRORS = 20;

    private final CpuClock cpu = new CpuClock();
    private final PrintStream log;

    public Harness(PrintStream log) {
        this.log = log;
    }

    /**
     * One scenario measured with each window taken in turn with the others of its group, as {@link #measureTogether}.
     *
     * @param scenario what is measured
     * @param client the client, open
     * @param beforeWindow runs before each window of this scenario (warm-up included), outside the timing
     * @param afterWindow runs after each window of this scenario, outside the timing
     */
    public record Entry(Scenario scenario, Client client, Runnable beforeWindow, Runnable afterWindow) {}

    /**
     * Measures scenarios that are compared with each other window by window: each warms up, then the measured windows
     * go round the group, starting one further each round. Drift of the machine or of a server over the minutes a
     * group takes then touches every scenario of it alike, where one scenario after the other would hand it to
     * whichever came last. All scenarios of a group must have the same timing.
     *
     * @param beforeRound runs before the warm-ups and before each round of measured windows (settling a server)
     */
    public List<Measurement> measureTogether(List<Entry> group, Runnable beforeRound) throws InterruptedException {
        int n = group.size();
        Accumulated[] acc = new Accumulated[n];
        beforeRound.run();
        for (int i = 0; i < n; i++) {
            Entry e = group.get(i);
            e.beforeWindow().run();
            Window warmUp;
            try {
                warmUp = window(
                        e.client(),
                        e.scenario().threads(),
                        e.scenario().timing().warmUp().toNanos());
            } finally {
                e.afterWindow().run();
            }
            acc[i] = new Accumulated(e.scenario().timing().runs());
            acc[i].errors = warmUp.errors.get();
            acc[i].firstError = warmUp.firstError.get();
            acc[i].broken = warmUp.messages == 0;
        }
        int runs = group.get(0).scenario().timing().runs();
        for (int run = 0; run < runs; run++) {
            beforeRound.run();
            for (int k = 0; k < n; k++) {
                int i = (run + k) % n;
                if (!acc[i].broken) {
                    measureWindow(group.get(i), acc[i], run);
                }
            }
        }
        List<Measurement> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Scenario s = group.get(i).scenario();
            out.add(
                    acc[i].broken
                            ? Measurement.failed(s, "warm-up sent nothing: " + acc[i].firstError)
                            : acc[i].measurement(s));
        }
        return out;
    }

    private void measureWindow(Entry e, Accumulated a, int run) throws InterruptedException {
        e.beforeWindow().run();
        try {
            long cpu0 = cpu.processNanos();
            long machine0 = cpu.machineBusyNanos();
            Window w = window(
                    e.client(),
                    e.scenario().threads(),
                    e.scenario().timing().window().toNanos());
            a.clientCpu += cpu.processNanos() - cpu0;
            a.machineCpu += machine0 < 0 ? 0 : cpu.machineBusyNanos() - machine0;
            a.rates[run] = w.messages * 1e9 / w.elapsedNanos;
            a.messages += w.messages;
            a.errors += w.errors.get();
            a.latency.add(w.latency);
            if (a.firstError == null) {
                a.firstError = w.firstError.get();
            }
        } finally {
            e.afterWindow().run();
        }
    }

    /** What the measured windows of one scenario added up to so far. */
    private static final class Accumulated {
        final double[] rates;
        final LatencyHistogram latency = new LatencyHistogram();
        long messages;
        long errors;
        long clientCpu;
        long machineCpu;
        String firstError;
        boolean broken;

        Accumulated(int runs) {
            rates = new double[runs];
        }

        Measurement measurement(Scenario s) {
            return new Measurement(
                    s,
                    rates,
                    messages,
                    errors,
                    latency.percentile(0.50),
                    latency.percentile(0.99),
                    messages == 0 ? 0 : clientCpu / 1e3 / messages,
                    messages == 0 ? -1 : machineCpu / 1e3 / messages,
                    firstError);
        }
    }

    private Window window(Client client, int threads, long nanos) throws InterruptedException {
        Window w = new Window();
        long start = System.nanoTime();
        long deadline = start + nanos;
        List<Thread> workers = new ArrayList<>();
        List<LatencyHistogram> perThread = new ArrayList<>();
        AtomicLong sent = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int index = t;
            LatencyHistogram h = new LatencyHistogram();
            perThread.add(h);
            Thread worker = new Thread(() -> sendUntil(client, index, deadline, h, sent, w), "bench-sender-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        w.elapsedNanos = System.nanoTime() - start;
        perThread.forEach(w.latency::add);
        w.messages = sent.get();
        return w;
    }

    private void sendUntil(Client client, int thread, long deadline, LatencyHistogram h, AtomicLong sent, Window w) {
        while (System.nanoTime() < deadline && w.errors.get() < MAX_ERRORS) {
            long t0 = System.nanoTime();
            try {
                client.send(thread);
                h.record(System.nanoTime() - t0);
                sent.incrementAndGet();
            } catch (Exception | Error e) {
                if (w.errors.incrementAndGet() == 1 && w.firstError.compareAndSet(null, describe(e))) {
                    log.println("    send failed: " + describe(e));
                }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" <- ").append(c);
        }
        return sb.toString();
    }

    private static final class Window {
        final LatencyHistogram latency = new LatencyHistogram();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        long messages;
        long elapsedNanos;
    }
}
