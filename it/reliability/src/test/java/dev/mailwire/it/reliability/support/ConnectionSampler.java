package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.fake.FakeSmtpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Samples a fake server every 20 ms while a storm runs: connections accepted so far (for attempts per second) and
 * connections open now (for the peak the server saw). A server that stopped reading a connection cannot tell when
 * the client closes it; there the pool's own count stands in.
 */
public final class ConnectionSampler implements AutoCloseable {

    private record Sample(long nanos, int accepted, int open) {}

    private final IntSupplier accepted;
    private final IntSupplier open;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ConnectionSampler(FakeSmtpServer server) {
        this(server::connectionCount, server::openConnections);
    }

    /** Samples other counters: e.g. the pool's live connections where the server cannot tell. */
    public ConnectionSampler(IntSupplier accepted, IntSupplier open) {
        this.accepted = accepted;
        this.open = open;
        this.thread = new Thread(this::run, "connection-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            Sample s = new Sample(System.nanoTime(), accepted.getAsInt(), open.getAsInt());
            synchronized (samples) {
                samples.add(s);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The most connections accepted within any one second. */
    public int maxAttemptsPerSecond() {
        List<Sample> all = snapshot();
        int max = 0;
        int j = 0;
        for (int i = 0; i < all.size(); i++) {
            while (all.get(i).nanos - all.get(j).nanos > 1_000_000_000L) {
                j++;
            }
            max = Math.max(max, all.get(i).accepted - all.get(j).accepted);
        }
        return max;
    }

    public int peakOpen() {
        return snapshot().stream().mapToInt(Sample::open).max().orElse(0);
    }

    private List<Sample> snapshot() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
