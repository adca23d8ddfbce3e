package dev.mailwire.it.reliability.kills;

import dev.mailwire.it.reliability.support.Soak;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link LoadNode} in a JVM of its own, with the test's class path; collects what it says it committed. */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Queue<String> committed = new ConcurrentLinkedQueue<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::pump, "node-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static NodeProcess start(String name, Map<String, String> properties) throws IOException {
        Path dir = Files.createDirectories(Soak.work().resolve("nodes"));
        Path config = dir.resolve(name + ".properties");
        Properties p = new Properties();
        p.putAll(properties);
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, null);
        }
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), LoadNode.class.getName(), config.toString()));
        Process process =
                new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new NodeProcess(name, process, log);
    }

    private void pump() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("COMMITTED ")) {
                    committed.add(line.substring("COMMITTED ".length()));
                } else if (line.equals("READY")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process died: awaitReady reports it
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node " + name + " not ready within " + timeout
                    + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")") + "; see " + log);
        }
    }

    /** What the node printed as committed so far (a commit it made just before dying may be missing). */
    List<String> committed() {
        return List.copyOf(committed);
    }

    Path log() {
        return log;
    }

    /** kill -9: no shutdown hook, no finally block, no QUIT on its SMTP connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Closes the node's input so it stops by itself; kills it if it does not within 40 s. */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void stop() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
