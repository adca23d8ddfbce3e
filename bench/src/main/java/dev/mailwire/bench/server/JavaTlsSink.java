package dev.mailwire.bench.server;

import dev.mailwire.bench.server.tlssink.TlsSinkMain;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts {@link TlsSinkMain} in a forked JVM and stops it; the sink also exits when this JVM goes away. */
public final class JavaTlsSink implements AutoCloseable {

    public static final String USER = "bench";
    public static final String PASSWORD = "bench-secret";

    private final Process process;
    private final Target target;
    private final Thread shutdownHook;

    private JavaTlsSink(Process process, Target target) {
        this.process = process;
        this.target = target;
        this.shutdownHook = new Thread(process::destroyForcibly, "tls-sink-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static JavaTlsSink start(String key, String label, TestCertificates certs, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            TlsSinkMain.class.getName(),
                            certs.keyStore().toString(),
                            certs.password(),
                            USER,
                            PASSWORD))
                    .redirectError(log.toFile())
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine(); // blocks until it listens, or null if it died
            if (line == null || !line.startsWith("LISTENING ")) {
                p.destroyForcibly();
                throw new IllegalStateException("the TLS sink did not start: " + line + "; see " + log);
            }
            int port = Integer.parseInt(line.substring("LISTENING ".length()).trim());
            Target t = new Target(
                    key,
                    label,
                    "127.0.0.1",
                    port,
                    true,
                    USER,
                    PASSWORD,
                    certs.trustStore(),
                    certs.password(),
                    certs.storeType());
            return new JavaTlsSink(p, t);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TLS sink", e);
        }
    }

    public Target target() {
        return target;
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, shutdownHook);
    }
}
