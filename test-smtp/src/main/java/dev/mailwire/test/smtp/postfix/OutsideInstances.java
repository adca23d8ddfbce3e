package dev.mailwire.test.smtp.postfix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Instances made outside the module's {@code target/} — under the temp directory when {@code target/} is too long a
 * path for Postfix's sockets, or wherever a test put them — listed in {@code target/}{@value #LIST}, one directory a
 * line, so that the whole-build secrets audit ({@code it/secrets-audit}) reads their {@code maillog} too: the temp
 * directory is shared by every build on the machine, so the audit reads only what this build's list names.
 */
public final class OutsideInstances {

    public static final String LIST = "mailwire-postfix-instances.list";

    private OutsideInstances() {}

    static void record(Path instance) {
        Path target = Path.of("target").toAbsolutePath();
        if (!Files.isDirectory(target) || instance.toAbsolutePath().startsWith(target)) {
            return;
        }
        try {
            Files.writeString(
                    target.resolve(LIST),
                    instance.toAbsolutePath() + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Postfix instance " + instance + " in " + target, e);
        }
    }
}
