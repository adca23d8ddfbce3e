package dev.mailwire.test.smtp.oauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Dovecot that serves only SASL (no IMAP, no POP3) to a private Postfix, from its own configuration directory: its
 * {@code oauth2} passdb introspects every token at Keycloak. Nothing in /etc/dovecot is used or changed.
 */
final class PrivateDovecot implements AutoCloseable {

    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");

    private final Path dir;

    private PrivateDovecot(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the configuration and starts the master; returns once the auth socket exists. Dovecot may start
     * before Keycloak: it only calls Keycloak when an AUTH comes in.
     */
    static PrivateDovecot start(Path dir, String introspectionUrl) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            killLeftover(dir);
            Files.writeString(dir.resolve("dovecot.conf"), conf(dir));
            Path oauth = dir.resolve("oauth2.conf");
            // Dovecot 2.3 POSTs client_id/client_secret in the form body, empty if unset, and Keycloak then ignores
            // Basic credentials in the URL: they must be set here.
            Files.writeString(
                    oauth,
                    String.join(
                            "\n",
                            "introspection_mode = post",
                            "introspection_url = " + introspectionUrl,
                            "client_id = " + Realms.DOVECOT_CLIENT,
                            "client_secret = " + Realms.DOVECOT_SECRET,
                            "force_introspection = yes",
                            "username_attribute = username",
                            "active_attribute = active",
                            "active_value = true",
                            "timeout_msecs = 5000",
                            ""));
            GroupPrincipal group =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("dovecot");
            Files.getFileAttributeView(oauth, PosixFileAttributeView.class).setGroup(group);
            Files.setPosixFilePermissions(oauth, PosixFilePermissions.fromString("rw-r-----"));
            Process p = new ProcessBuilder(
                            DOVECOT.toString(),
                            "-c",
                            dir.resolve("dovecot.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("start.out").toFile())
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("dovecot -c " + dir.resolve("dovecot.conf") + " failed: "
                        + Files.readString(dir.resolve("start.out")) + tail(dir));
            }
            PrivateDovecot d = new PrivateDovecot(dir);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(d.socket())) {
                if (System.nanoTime() > end) {
                    d.close();
                    throw new IllegalStateException("Dovecot made no auth socket in 10 s" + tail(dir));
                }
                Thread.sleep(10);
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Dovecot in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Dovecot", e);
        }
    }

    /** The socket Postfix's {@code smtpd_sasl_path} names. */
    Path socket() {
        return dir.resolve("run/auth-client");
    }

    Path log() {
        return dir.resolve("dovecot.log");
    }

    @Override
    public void close() {
        masterPid(dir).flatMap(ProcessHandle::of).ifPresent(master -> {
            List<ProcessHandle> children = master.descendants().toList();
            master.destroy();
            try {
                master.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                master.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        });
    }

    private static void killLeftover(Path dir) {
        masterPid(dir).flatMap(ProcessHandle::of).ifPresent(p -> {
            if (p.info().command().orElse("").contains("dovecot")) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        });
    }

    private static Optional<Long> masterPid(Path dir) {
        try {
            return Optional.of(Long.parseLong(
                    Files.readString(dir.resolve("run/master.pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String tail(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dovecot.log"));
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String conf(Path dir) {
        return """
                # Written by Mailwire's OAuthStack: SASL for a private Postfix, tokens checked at Keycloak.
                instance_name = mailwire-%1$s
                base_dir = %2$s/run
                state_dir = %2$s/state
                log_path = %2$s/dovecot.log
                protocols = none
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain xoauth2 oauthbearer
                # Every AUTH really introspects: the expiry tests depend on it.
                auth_cache_size = 0
                auth_failure_delay = 0
                auth_verbose = yes
                service auth {
                  unix_listener auth-client {
                    mode = 0660
                    user = postfix
                    group = postfix
                  }
                }
                # anvil's auth penalty would delay each AUTH from 127.0.0.1 after a failure by up to 15 s.
                service anvil {
                  unix_listener anvil-auth-penalty {
                    mode = 0
                  }
                }
                passdb {
                  driver = oauth2
                  mechanisms = plain xoauth2 oauthbearer
                  args = %2$s/oauth2.conf
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home=/nonexistent
                }
                """.formatted(Integer.toHexString(dir.hashCode()), dir);
    }
}
