package dev.mailwire.test.smtp.postfix;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Configures a {@link PrivatePostfix}; every setting has a default, so {@code builder().start()} works. */
public final class PrivatePostfixBuilder {

    public static final String DEFAULT_USER = "mailwire";
    public static final String DEFAULT_PASSWORD = "mailwire-secret";

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern PARAMETER = Pattern.compile("[a-z0-9_]+");
    private static final Pattern MECHANISM = Pattern.compile("[A-Za-z0-9_-]+");

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private String domain = "example.test";
    private PrivatePostfix.Mode mode = PrivatePostfix.Mode.MAILDIR;
    private boolean plainListener;
    private TestCertificates certificates;
    private Path baseDirectory;
    private boolean deleteOnClose;
    private int port;

    PrivatePostfixBuilder() {}

    /** A login the server accepts (PLAIN and LOGIN); without any, {@value #DEFAULT_USER} is created. */
    public PrivatePostfixBuilder user(String name, String password) {
        if (!USER.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must match " + USER + " (the realm is added): " + name);
        }
        if (password.isEmpty() || password.contains("\n") || password.contains("\r")) {
            throw new IllegalArgumentException("password must be one non-empty line");
        }
        users.put(name, password);
        return this;
    }

    /** The mail domain and SASL realm; default {@code example.test}. */
    public PrivatePostfixBuilder domain(String domain) {
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("not a lower-case domain name: " + domain);
        }
        this.domain = domain;
        return this;
    }

    public PrivatePostfixBuilder mode(PrivatePostfix.Mode mode) {
        this.mode = mode;
        return this;
    }

    /** Adds a second loopback listener without TLS and AUTH that accepts mail from 127.0.0.0/8. */
    public PrivatePostfixBuilder plainListener() {
        this.plainListener = true;
        return this;
    }

    /**
     * TLS from the first byte on the main listener instead of STARTTLS (implicit TLS, the port-465 style of RFC 8314):
     * Postfix's {@code smtpd_tls_wrappermode}. AUTH then needs no STARTTLS; the plain listener stays plain.
     */
    public PrivatePostfixBuilder implicitTls() {
        return set("smtpd_tls_wrappermode", "yes");
    }

    /**
     * Offers only these SASL mechanisms in EHLO, e.g. {@code authMechanisms("LOGIN")}: Postfix's
     * {@code smtpd_sasl_mechanism_filter}. Cyrus sasldb would offer PLAIN and LOGIN.
     */
    public PrivatePostfixBuilder authMechanisms(String... mechanisms) {
        if (mechanisms.length == 0
                || !Arrays.stream(mechanisms).allMatch(m -> MECHANISM.matcher(m).matches())) {
            throw new IllegalArgumentException("SASL mechanism names, at least one: " + Arrays.toString(mechanisms));
        }
        return set("smtpd_sasl_mechanism_filter", String.join(", ", mechanisms).toLowerCase(Locale.ROOT));
    }

    /**
     * The main listener's port on 127.0.0.1; default a free one. For a client configured before the test starts (a
     * server's connection definition): the caller makes sure nothing else listens there.
     */
    public PrivatePostfixBuilder port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.port = port;
        return this;
    }

    /** Postfix's {@code smtpd_client_connection_count_limit} (default 50 connections per client address). */
    public PrivatePostfixBuilder connectionLimit(int connections) {
        return set("smtpd_client_connection_count_limit", Integer.toString(connections));
    }

    /**
     * Any main.cf parameter, applied last, e.g. {@code set("smtpd_timeout", "5s")} for idle sessions or
     * {@code set("smtpd_junk_command_limit", "5")} for the NOOP limit.
     */
    public PrivatePostfixBuilder set(String parameter, String value) {
        if (!PARAMETER.matcher(parameter).matches() || value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("not a main.cf parameter line: " + parameter + " = " + value);
        }
        overrides.put(parameter, value);
        return this;
    }

    /** The server certificate; default {@link TestCertificates#localhost()}. */
    public PrivatePostfixBuilder certificates(TestCertificates certificates) {
        this.certificates = certificates;
        return this;
    }

    /**
     * Where instance directories are made; default {@code target/mailwire-postfix} under the working directory
     * (Maven's module directory), or the temp directory when that is not reachable by the postfix user.
     */
    public PrivatePostfixBuilder baseDirectory(Path baseDirectory) {
        this.baseDirectory = baseDirectory.toAbsolutePath();
        return this;
    }

    /** Whether {@code close()} deletes the instance directory; default false, so a failure can be examined. */
    public PrivatePostfixBuilder deleteOnClose(boolean deleteOnClose) {
        this.deleteOnClose = deleteOnClose;
        return this;
    }

    /** Writes the instance's configuration (installing Postfix first if needed) without starting it. */
    public PrivatePostfix build() {
        PostfixInstallation.ensureInstalled();
        Map<String, String> logins = new LinkedHashMap<>(users);
        if (logins.isEmpty()) {
            logins.put(DEFAULT_USER, DEFAULT_PASSWORD);
        }
        int port = this.port != 0 ? this.port : freePort();
        int plainPort = plainListener ? freePort() : 0;
        PrivatePostfix.Settings settings = new PrivatePostfix.Settings(
                domain,
                Collections.unmodifiableMap(logins),
                mode,
                port,
                plainPort,
                Map.copyOf(overrides),
                certificates != null ? certificates : TestCertificates.localhost());
        try {
            Path base = baseDirectory != null ? baseDirectory : defaultBaseDirectory();
            Files.createDirectories(base);
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            PostfixProcesses.reapOrphans(base, InstanceLayout.OWNER_FILE);
            InstanceLayout layout = new InstanceLayout(Files.createTempDirectory(base, "postfix-" + port + "-"));
            OutsideInstances.record(layout.root());
            new PostfixConfig(layout, settings).write();
            Files.writeString(
                    layout.owner(), Long.toString(ProcessHandle.current().pid()));
            return new PrivatePostfix(layout, settings, deleteOnClose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Postfix instance directory", e);
        }
    }

    /** {@link #build()}, then {@link PrivatePostfix#start()}. */
    public PrivatePostfix start() {
        return build().start();
    }

    /**
     * A port free now. Postfix binds it a moment later, so another process could take it in between; on a test
     * machine that is rare enough, and it keeps Postfix's own listener (no socket passing).
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static Path defaultBaseDirectory() {
        Path target = Path.of("target").toAbsolutePath();
        // Postfix's sockets live inside the instance (queue/public/postlog and others); a Unix socket path may
        // hold at most 107 bytes, and an instance adds about 75 to the base directory.
        boolean shortEnough = target.toString().length() + 75 < 107;
        if (shortEnough && Files.isDirectory(target) && traversableByOthers(target)) {
            return target.resolve("mailwire-postfix");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "mailwire-postfix");
    }

    /** Postfix's daemons run as user postfix, so every ancestor of the instance needs the o+x bit. */
    private static boolean traversableByOthers(Path dir) {
        try {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
