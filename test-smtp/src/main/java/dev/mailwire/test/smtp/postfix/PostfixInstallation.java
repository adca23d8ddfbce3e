package dev.mailwire.test.smtp.postfix;

import dev.mailwire.test.smtp.InstallScripts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes sure Debian's Postfix, Cyrus SASL tools and Dovecot (the OAuth2 stack's SASL server) are on this machine,
 * installing them with the bundled {@code install-postfix.sh} when we are root, so a fresh CI machine needs no
 * manual step.
 */
public final class PostfixInstallation {

    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path SASLPASSWD2 = Path.of("/usr/sbin/saslpasswd2");
    /** Debian's daemon_directory; started directly, the master skips postfix-script's checks and shell steps. */
    static final Path MASTER = Path.of("/usr/lib/postfix/sbin/master");

    private static final String SCRIPT = "install-postfix.sh";
    private static final String PACKAGES = "postfix sasl2-bin libsasl2-modules dovecot-core";
    /** Dovecot is the SASL server of the OAuth2 test stack (dev.mailwire.test.smtp.oauth). */
    static final Path DOVECOT = Path.of("/usr/sbin/dovecot");

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private static volatile boolean verified;

    private PostfixInstallation() {}

    /** Installs what is missing (once per JVM), or throws saying what to install. */
    public static synchronized void ensureInstalled() {
        if (verified) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException("PrivatePostfix must run as root: `postfix start` needs root, and so do"
                    + " the queue and Maildir permissions. Run the tests as root (e.g. in a container).");
        }
        if (!installed()) {
            Commands.Result result =
                    Commands.run(INSTALL_TIMEOUT, "sh", extractScript().toString());
            if (!result.succeeded() || !installed()) {
                throw new IllegalStateException("Postfix for the tests is missing and " + SCRIPT + " could not"
                        + " install it; install the Debian packages `" + PACKAGES + "` (without configuring the"
                        + " system's Postfix), e.g. `sh " + SCRIPT + "` from mailwire-test-smtp. Output: "
                        + result.output().trim());
            }
        }
        verified = true;
    }

    /** Why a private Postfix cannot run here, if it cannot; a test can turn this into an assumption. */
    static Optional<String> unavailableReason() {
        if (!isRoot()) {
            return Optional.of("not root: Postfix's master must start as root");
        }
        if (!installed() && !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            return Optional.of("Postfix is not installed and there is no apt-get to install " + PACKAGES);
        }
        return Optional.empty();
    }

    static boolean installed() {
        return Files.isExecutable(POSTFIX)
                && Files.isExecutable(MASTER)
                && Files.isExecutable(SASLPASSWD2)
                && Files.isExecutable(DOVECOT)
                && saslPluginsPresent();
    }

    /**
     * libsasl2-modules provides PLAIN and LOGIN; without it AUTH fails with "no mechanism available". The plugin
     * directory is multiarch ({@code /usr/lib/x86_64-linux-gnu/sasl2}), so accept any architecture's.
     */
    private static boolean saslPluginsPresent() {
        try (var dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.anyMatch(dir -> Files.exists(dir.resolve("sasl2/libplain.so")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"))
                || Commands.run(Duration.ofSeconds(10), "id", "-u")
                        .output()
                        .trim()
                        .equals("0");
    }

    private static Path extractScript() {
        try {
            Path dir = Files.createTempDirectory("mailwire-install-postfix-");
            dir.toFile().deleteOnExit();
            Path script = InstallScripts.extract(PostfixInstallation.class, SCRIPT, dir);
            // Deleted at exit before the folder: the JVM deletes in the reverse order of registration.
            try (var files = Files.list(dir)) {
                files.forEach(file -> file.toFile().deleteOnExit());
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + SCRIPT, e);
        }
    }
}
