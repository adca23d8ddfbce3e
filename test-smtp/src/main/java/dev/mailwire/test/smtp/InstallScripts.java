package dev.mailwire.test.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one of this jar's install scripts ({@code install-postfix.sh}, {@code install-dkim-verifier.sh}) into a
 * folder, next to the {@code debian-packages.sh} it sources, so that {@code sh} can run it: a script inside a jar
 * cannot be run where it is.
 */
public final class InstallScripts {

    /** The checks both scripts make before installing (which packages are missing, root, apt-get). */
    static final String CHECKS = "debian-packages.sh";

    private InstallScripts() {}

    /** Writes {@code script} (a resource of {@code owner}'s package) and its checks into {@code dir}; the script. */
    public static Path extract(Class<?> owner, String script, Path dir) throws IOException {
        copy(InstallScripts.class, CHECKS, dir);
        return copy(owner, script, dir);
    }

    private static Path copy(Class<?> owner, String resource, Path dir) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the mailwire-test-smtp jar");
            }
            Path target = dir.resolve(resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
    }
}
