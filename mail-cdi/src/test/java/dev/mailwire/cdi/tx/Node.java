package dev.mailwire.cdi.tx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Starts an {@link OutboxNode} in a JVM of its own, with the test's class path, and reads what it prints. */
final class Node implements AutoCloseable {

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> committed = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    private Node(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::pump, "node-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static Node start(String name, Map<String, String> properties) throws IOException {
        return start(name, properties, OutboxNode.class, "-Xmx256m");
    }

    /** A node running {@code main} (given the properties file, as {@link OutboxNode} is) with {@code maxHeap}. */
    static Node start(String name, Map<String, String> properties, Class<?> main, String maxHeap) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "nodes"));
        Path config = dir.resolve(name + ".properties");
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("node.name", name);
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(out, null);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                maxHeap,
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path")));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add(main.getName());
        command.add(config.toString());
        Process process = new ProcessBuilder(command)
                .redirectError(dir.resolve(name + ".log").toFile())
                .start();
        return new Node(name, process);
    }

    private void pump() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process died; await() reports it
        }
    }

    /** Waits for the line {@code expected}, collecting the Message-IDs of the COMMITTED lines before it. */
    void await(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line != null && seen.size() < 20) {
                seen.add(line);
            }
            if (line != null && line.startsWith("COMMITTED ")) {
                committed.add(line.substring("COMMITTED ".length()));
            } else if (expected.equals(line)) {
                return;
            }
            if (System.nanoTime() > deadline || (line == null && !process.isAlive() && lines.isEmpty())) {
                throw new AssertionError("node " + name + " did not print " + expected + " within " + timeout
                        + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                        + "; it printed " + seen + "; see target/nodes/" + name + ".log");
            }
        }
    }

    List<String> committed() {
        return List.copyOf(committed);
    }

    /** kill -9: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Closes the node's input, so it stops its dispatcher and exits; kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
