package dev.mailwire.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a {@link DelayLink} connection: a reader stamps every chunk it reads with the time it is due
 * (read time + the one-way delay) and queues it; a writer writes each chunk, in order, once it is due. The reader
 * never waits for the writer, so the delay is latency only, never bandwidth: a burst read in 1 ms leaves 1 ms long,
 * one delay later. The end of input travels the same way, as a half-close once it is due.
 */
final class DelayedDirection {

    /** A chunk of bytes, or the end of input when {@code bytes} is null. */
    private record Chunk(long dueNanos, byte[] bytes) {}

    private final Socket from;
    private final Socket to;
    private final long delayNanos;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    private DelayedDirection(Socket from, Socket to, long delayNanos) {
        this.from = from;
        this.to = to;
        this.delayNanos = delayNanos;
    }

    /** Starts relaying {@code from} → {@code to}; {@code ended} runs once this direction is over, either way. */
    static void start(Socket from, Socket to, long delayNanos, Runnable ended, String name) {
        DelayedDirection d = new DelayedDirection(from, to, delayNanos);
        Thread reader = new Thread(d::readAll, name + "-read");
        Thread writer = new Thread(
                () -> {
                    try {
                        d.writeAll();
                    } finally {
                        ended.run();
                    }
                },
                name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void readAll() {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // reset or closed: ends this direction like an end of input
        }
        queue.add(new Chunk(System.nanoTime() + delayNanos, null));
    }

    private void writeAll() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk c = queue.take();
                waitUntil(c.dueNanos());
                if (c.bytes() == null) {
                    to.shutdownOutput();
                    return;
                }
                out.write(c.bytes());
            }
        } catch (IOException e) {
            // The receiving side is gone: so is this connection, both ways.
            DelayLink.closeQuietly(from);
            DelayLink.closeQuietly(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
