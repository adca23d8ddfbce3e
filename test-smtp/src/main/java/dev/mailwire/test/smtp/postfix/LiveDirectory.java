package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a directory tree that a running Postfix changes meanwhile: its queue, where the queue manager renames each
 * message from {@code incoming/} to {@code active/} (and into hashed {@code deferred/} sub-directories) and deletes
 * it once delivered, and its Maildir, which a test may empty while another reads it. A walk lists a directory first
 * and reads each entry after, so an entry listed a moment ago may be gone (issue 16: the bench died of that
 * {@code NoSuchFileException}). Here an entry, file or directory, that is gone is skipped and the walk goes on.
 *
 * <p>A walk is not a snapshot: a file moved during it can be met twice, or not at all. What is counted is right for
 * the files that stay put and for "is anything left", which is what waiting on a queue asks.
 */
public final class LiveDirectory {

    private LiveDirectory() {}

    /** The regular files under {@code dir}, at any depth; none when {@code dir} does not exist (yet). */
    public static List<Path> regularFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        walk(dir, new Tolerant() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** How many regular files are under {@code dir}, at any depth. */
    public static int count(Path dir) {
        return regularFiles(dir).size();
    }

    /** Deletes {@code root} and everything under it; what another process deleted first is no error. */
    public static void deleteTree(Path root) {
        walk(root, new Tolerant() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                super.postVisitDirectory(dir, failure);
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void walk(Path root, Tolerant visitor) {
        try {
            Files.walkFileTree(root, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root + ": " + e.getMessage(), e);
        }
    }

    /** Skips entries that vanished between being listed and being read; any other failure ends the walk. */
    private abstract static class Tolerant extends SimpleFileVisitor<Path> {

        @Override
        public FileVisitResult visitFileFailed(Path entry, IOException failure) throws IOException {
            if (failure instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE; // moved or deleted since its directory was listed
            }
            throw failure;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
            if (failure != null && !(failure instanceof NoSuchFileException)) {
                throw failure;
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
