package dev.mailwire.test.smtp.postfix;

import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Postfix (Debian's packages) run as a private instance for tests: its own configuration, queue, Maildir and
 * log in one directory, listening only on 127.0.0.1 on a free port, with STARTTLS required, AUTH PLAIN/LOGIN over
 * TLS only (Cyrus sasldb), and every accepted recipient delivered to one Maildir (or discarded).
 *
 * <p>Recipients with the local part {@code rejected} get {@code 550 5.1.1} and {@code deferred} get
 * {@code 450 4.2.0} at RCPT, from the server itself. Everything else is accepted from an authenticated client.
 *
 * <p>Needs root: Postfix's master must start as root. When Postfix is missing it is installed with the bundled
 * {@code install-postfix.sh} (about 10 s, once); {@code /etc/postfix} is never read or changed. A start, and a
 * restart after {@link #stop()}, takes 0.05 to 0.2 s; port, users, Maildir and log survive a restart. A JVM
 * shutdown hook stops every instance still running, and an instance whose JVM died without it (SIGKILL) is reaped
 * by the next instance built in the same base directory.
 *
 * <pre>{@code
 * try (PrivatePostfix postfix = PrivatePostfix.builder().user("alice", "secret").start()) {
 *     // connect to postfix.host():postfix.port() with STARTTLS, trusting postfix.trustStore()
 *     postfix.awaitDelivered(1, Duration.ofSeconds(10));
 *     assertEquals(1, postfix.log().connections());
 * }
 * }</pre>
 */
public final class PrivatePostfix implements AutoCloseable {

    /** Where accepted mail goes. */
    public enum Mode {
        /** Delivered to the Maildir, readable with {@link #delivered()}. */
        MAILDIR,
        /** Accepted and dropped: for load, where writing files would measure the disk. */
        DISCARD
    }

    /** What the builder decided; read by {@link PostfixConfig}. */
    record Settings(
            String domain,
            Map<String, String> users,
            Mode mode,
            int port,
            int plainPort,
            Map<String, String> overrides,
            TestCertificates certificates) {}

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofMillis(100);

    private final InstanceLayout layout;
    private final Settings settings;
    private final boolean deleteOnClose;
    private final PostfixLog log;
    private final Maildir maildir;
    private boolean running;
    private boolean closed;

    PrivatePostfix(InstanceLayout layout, Settings settings, boolean deleteOnClose) {
        this.layout = layout;
        this.settings = settings;
        this.deleteOnClose = deleteOnClose;
        this.log = new PostfixLog(layout.log(), settings.domain());
        this.maildir = new Maildir(layout.maildir());
    }

    public static PrivatePostfixBuilder builder() {
        return new PrivatePostfixBuilder();
    }

    /**
     * Why a private Postfix cannot run on this machine (not root; not installed and no apt-get), or empty if it can,
     * e.g. {@code assumeTrue(PrivatePostfix.unavailableReason().isEmpty())} where skipping beats failing.
     */
    public static Optional<String> unavailableReason() {
        return PostfixInstallation.unavailableReason();
    }

    /** Starts Postfix (again, after {@link #stop()}: same port, users, Maildir and log). */
    public synchronized PrivatePostfix start() {
        if (closed) {
            throw new IllegalStateException("this PrivatePostfix is closed; build a new one");
        }
        if (running) {
            return this;
        }
        PostfixProcesses.killAll(layout.config()); // anything a failed start or stop left behind
        // The master itself rather than `postfix start`: the same daemon, without postfix-script's integrity checks
        // (about 3 s on a fresh queue; PostfixConfig made the queue as they would) and shell steps. -w waits until
        // the master has bound its listeners and reports whether it could. MAIL_CONFIG marks every process of this
        // instance (PostfixProcesses) and is passed on by the master to its daemons.
        Commands.Result result = Commands.run(
                COMMAND_TIMEOUT,
                null,
                Map.of("MAIL_CONFIG", config()),
                List.of(PostfixInstallation.MASTER.toString(), "-c", config(), "-w"));
        if (!result.succeeded()) {
            PostfixProcesses.killAll(layout.config());
            throw new IllegalStateException("Postfix did not start in " + layout.root() + " (exit " + result.exitCode()
                    + ")" + diagnose() + "\nlast log lines:\n" + log.tail(15));
        }
        running = true;
        ShutdownHook.register(this);
        return this;
    }

    /** Stops Postfix and waits until none of its processes is left; the next {@link #start()} is quick. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // What `postfix stop` does, minus its `sleep 1` between checks: SIGTERM to the master, which passes it on
        // to its process group. A master signalled while it is still forking daemons can take a second to go, so
        // after a short grace period the rest get SIGKILL; Postfix's queue and Maildir writes are crash-safe.
        masterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        if (!PostfixProcesses.awaitNone(layout.config(), STOP_GRACE)) {
            PostfixProcesses.killAll(layout.config());
        }
        // Every process is gone, so the log is as complete as it will get: sessions still open never ended.
        log.cutOffOpenSessions();
    }

    /** Stops Postfix; deletes its directory only when the builder asked for it (kept for debugging). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        ShutdownHook.unregister(this);
        if (deleteOnClose) {
            LiveDirectory.deleteTree(layout.root());
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return settings.port();
    }

    /** The listener without TLS and AUTH; only when the builder asked for {@code plainListener()}. */
    public int plainPort() {
        if (settings.plainPort() <= 0) {
            throw new IllegalStateException("no plain listener: build with PrivatePostfix.builder().plainListener()");
        }
        return settings.plainPort();
    }

    public Path trustStore() {
        return settings.certificates().trustStore();
    }

    public String trustStorePassword() {
        return settings.certificates().password();
    }

    public String trustStoreType() {
        return settings.certificates().storeType();
    }

    public TestCertificates certificates() {
        return settings.certificates();
    }

    /** Login names and passwords the server accepts. */
    public Map<String, String> users() {
        return settings.users();
    }

    /** The mail domain, e.g. {@code example.test}; any domain is accepted, this one is the SASL realm. */
    public String domain() {
        return settings.domain();
    }

    public String address(String localPart) {
        return localPart + "@" + settings.domain();
    }

    public Mode mode() {
        return settings.mode();
    }

    /** The instance directory: configuration, queue, Maildir and log, kept after close for debugging. */
    public Path directory() {
        return layout.root();
    }

    /** The server's log: connections, AUTHs, messages per session. */
    public PostfixLog log() {
        return log;
    }

    /** Every message in the Maildir, oldest first. */
    public List<DeliveredMessage> delivered() {
        return maildir.messages();
    }

    /** Waits until the Maildir holds at least {@code count} messages; throws {@link AssertionError} if not. */
    public List<DeliveredMessage> awaitDelivered(int count, Duration timeout) {
        return maildir.await(count, timeout, log);
    }

    public void clearMaildir() {
        maildir.clear();
    }

    /** Empties the Maildir and {@linkplain PostfixLog#mark() marks} the log: for one instance shared by tests. */
    public void clearObservations() {
        clearMaildir();
        log.mark();
    }

    @Override
    public String toString() {
        return "PrivatePostfix[" + host() + ":" + port() + ", " + layout.root() + (running ? ", running]" : "]");
    }

    private String config() {
        return layout.config().toString();
    }

    /**
     * The master reports a failed start only in the log, through a postlog service that is not running yet, so the
     * reason is lost; look for the usual causes. Postfix prints to stderr only when it is a terminal, so
     * {@code script} gives {@code postfix check} one.
     */
    private String diagnose() {
        StringBuilder causes = new StringBuilder();
        for (int port : settings.plainPort() > 0 ? List.of(port(), settings.plainPort()) : List.of(port())) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host()))) {
                probe.getLocalPort(); // free: not the cause
            } catch (IOException e) {
                causes.append("; port ").append(port).append(" is taken by another process");
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/script"))) {
            String check = PostfixInstallation.POSTFIX + " -c " + config() + " check";
            String output = Commands.run(COMMAND_TIMEOUT, "/usr/bin/script", "-qec", check, "/dev/null")
                    .output();
            causes.append(output.isBlank() ? "; postfix check found nothing" : "; postfix check: " + output.trim());
        }
        return causes.toString();
    }

    private Optional<Long> masterPid() {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(layout.masterPid()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // never started, or already gone: the process scan below still applies
        }
    }
}
