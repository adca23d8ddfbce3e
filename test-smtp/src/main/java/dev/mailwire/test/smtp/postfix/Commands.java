package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Postfix and Cyrus command-line tools, each bounded by a timeout, and keeps what they printed. */
final class Commands {

    /** What a finished command returned and printed (stdout and stderr together). */
    record Result(List<String> command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        /** Throws with the command and its output, which is where Postfix and apt say what went wrong. */
        Result orThrow() {
            if (!succeeded()) {
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + exitCode + ": " + output.trim());
            }
            return this;
        }
    }

    private Commands() {}

    static Result run(Duration timeout, String... command) {
        return run(timeout, null, Map.of(), List.of(command));
    }

    /**
     * Output goes to a file, not a pipe: {@code postfix start} leaves a daemon behind, and a daemon that inherited
     * our pipe would keep it open, so reading a pipe to its end would wait for Postfix to stop.
     */
    static Result run(Duration timeout, String stdin, Map<String, String> environment, List<String> command) {
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("mailwire-command-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.redirectOutput(output.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout + ": "
                        + Files.readString(output).trim());
            }
            return new Result(List.copyOf(command), process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
