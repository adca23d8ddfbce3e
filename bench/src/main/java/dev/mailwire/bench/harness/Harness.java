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

    public Measurement measure(Scenario s, Client client) throws InterruptedException {
        Window warmUp = window(client, s.threads(), s.timing().warmUp().toNanos());
        if (warmUp.messages == 0) {
            return Measurement.failed(s, "warm-up sent nothing: " + warmUp.firstError.get());
        }
        double[] rates = new double[s.timing().runs()];
        LatencyHistogram latency = new LatencyHistogram();
        long messages = 0;
        long errors = warmUp.errors.get();
        long clientCpu = 0;
        long machineCpu = 0;
        String firstError = warmUp.firstError.get();
        for (int run = 0; run < rates.length; run++) {
            long cpu0 = cpu.processNanos();
            long machine0 = cpu.machineBusyNanos();
            Window w = window(client, s.threads(), s.timing().window().toNanos());
            clientCpu += cpu.processNanos() - cpu0;
            machineCpu += machine0 < 0 ? 0 : cpu.machineBusyNanos() - machine0;
            rates[run] = w.messages * 1e9 / w.elapsedNanos;
            messages += w.messages;
            errors += w.errors.get();
            latency.add(w.latency);
            if (firstError == null) {
                firstError = w.firstError.get();
            }
        }
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
