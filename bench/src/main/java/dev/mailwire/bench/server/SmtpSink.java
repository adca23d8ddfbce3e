package dev.mailwire.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix's {@code smtp-sink}: accepts mail and throws it away, as fast as a server can, so that the client is what
 * is measured. It has no TLS, and it announces AUTH but answers it wrongly, so it runs with {@code -a} (no AUTH).
 */
public final class SmtpSink implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private SmtpSink(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "smtp-sink-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a sink on a free loopback port; its output goes to {@code log}. */
    public static SmtpSink start(Path log) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's postfix package");
        }
        int port = freePort();
        try {
            Files.createDirectories(log.getParent());
            // -a: no AUTH; -4: IPv4 only; 256: listen backlog. It pipelines (RFC 2920) unless told -p.
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-a", "-4"));
            if (isRoot()) {
                command.addAll(List.of("-u", "nobody")); // smtp-sink refuses to run as root
            }
            command.addAll(List.of("127.0.0.1:" + port, "256"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SmtpSink sink = new SmtpSink(process, port);
            sink.awaitListening();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + EXECUTABLE, e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, shutdownHook);
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("smtp-sink exited with " + process.exitValue() + " on port " + port);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        close();
        throw new IllegalStateException("smtp-sink did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
