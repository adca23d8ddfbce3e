package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the Maildir the virtual agent delivers to. Only {@code new/} and {@code cur/} hold complete messages: the
 * agent writes into {@code tmp/} and renames into {@code new/}, so a file seen there is never half-written.
 */
final class Maildir {

    private final Path dir;

    Maildir(Path dir) {
        this.dir = dir;
    }

    /** Every delivered message, oldest first (Maildir names start with the delivery time in seconds). */
    List<DeliveredMessage> messages() {
        List<DeliveredMessage> messages = new ArrayList<>();
        for (Path file : files()) {
            try {
                messages.add(new DeliveredMessage(file, Files.readAllBytes(file)));
            } catch (NoSuchFileException e) {
                // removed by clear() meanwhile
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read delivered message " + file, e);
            }
        }
        return messages;
    }

    List<DeliveredMessage> await(int count, Duration timeout, PostfixLog log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<DeliveredMessage> messages = messages();
            if (messages.size() >= count) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " message(s) in " + dir + " within " + timeout
                        + ", found " + messages.size() + "; last Postfix log lines:\n" + log.tail(20));
            }
            PostfixLog.pause(Duration.ofMillis(20));
        }
    }

    void clear() {
        for (Path file : files()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            // none until the virtual agent's first delivery creates the Maildir
            files.addAll(LiveDirectory.regularFiles(dir.resolve(sub)));
        }
        files.sort(Comparator.comparing(Maildir::deliveryOrder));
        return files;
    }

    /** Postfix's virtual agent names files {@code SECONDS.V<dev>I<inode>M<microseconds>.host}: sort by time. */
    private static String deliveryOrder(Path file) {
        String name = file.getFileName().toString();
        String[] parts = name.split("\\.", 3);
        String seconds = parts.length > 0 ? parts[0] : name;
        String micros = "";
        if (parts.length > 1) {
            int m = parts[1].lastIndexOf('M');
            micros = m >= 0 ? parts[1].substring(m + 1) : "";
        }
        return String.format("%012d%06d%s", parseOrZero(seconds), parseOrZero(micros), name);
    }

    private static long parseOrZero(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
