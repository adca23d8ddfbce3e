package dev.mailwire.bench.server;

import dev.mailwire.test.smtp.postfix.LiveDirectory;
import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.PrivatePostfixBuilder;
import dev.mailwire.test.smtp.tls.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three servers of the bench, all on 127.0.0.1, all stopped by {@link #close()} (and by shutdown hooks):
 *
 * <ul>
 *   <li><b>smtp-sink, plain</b>: Postfix's test sink, the fastest server there is; what remains is the client's own
 *       cost.
 *   <li><b>TLS sink</b>: smtp-sink has no TLS, so the bench brings its own minimal sink ({@link JavaTlsSink}, in a
 *       JVM of its own): STARTTLS required, AUTH PLAIN/LOGIN required, PIPELINING, content discarded. It isolates
 *       the client's TLS and AUTH cost. (Postfix's smtpd with smtp-sink as its before-queue proxy was tried first:
 *       with a new proxy connection per mail it topped out near 2,000 msg/s, and pipelined 100 KB messages stalled
 *       about 40 ms each.)
 *   <li><b>Postfix</b>: a private Postfix ({@code mailwire-test-smtp}), STARTTLS + AUTH, queueing every message
 *       and delivering it to a Maildir: what a production relay does.
 * </ul>
 *
 * <p>And the same Postfix through a {@link DelayLink} per round-trip time of {@link #ROUND_TRIPS} (issue 12): where
 * a relay host 2–50 ms away makes every round trip of the SMTP dialogue count.
 */
public final class BenchServers implements AutoCloseable {

    /** Large enough for the 10 MB messages and the 100 MB attachment (base64: about 137 MB). */
    private static final String SIZE_LIMIT = "300000000";

    /** The round-trip times clients meet Postfix at, through a delay link each; 0 ms measures the link itself. */
    public static final List<Duration> ROUND_TRIPS =
            List.of(Duration.ZERO, Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofMillis(50));

    private final List<AutoCloseable> started = new ArrayList<>();
    private Target plainSink;
    private Target tlsSink;
    private Target postfix;
    private PrivatePostfix postfixServer;
    private final List<RoundTrip> roundTrips = new ArrayList<>();

    private BenchServers() {}

    public static BenchServers start(Path workDir) {
        BenchServers servers = new BenchServers();
        try {
            servers.startAll(workDir);
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void startAll(Path workDir) {
        SmtpSink sink = keep(SmtpSink.start(workDir.resolve("smtp-sink-plain.log")));
        plainSink = Target.plain("plain-sink", "smtp-sink, plain", sink.port());

        TestCertificates certs = TestCertificates.localhost();
        tlsSink = keep(JavaTlsSink.start(
                        "tls-sink",
                        "TLS sink (STARTTLS + AUTH, content discarded)",
                        certs,
                        workDir.resolve("tls-sink.log")))
                .target();

        postfixServer = keep(postfix(PrivatePostfix.Mode.MAILDIR)
                .baseDirectory(workDir.resolve("postfix")) // not the working directory's target/
                .start());
        postfix = target("postfix", "Postfix, STARTTLS+AUTH, queue → Maildir", postfixServer);

        for (Duration rtt : ROUND_TRIPS) {
            DelayLink link;
            try {
                link = keep(DelayLink.start(postfix.host(), postfix.port(), rtt));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the " + rtt.toMillis() + " ms delay link", e);
            }
            roundTrips.add(new RoundTrip(
                    rtt,
                    postfix.through(
                            "postfix-rtt" + rtt.toMillis() + "ms",
                            "Postfix, STARTTLS+AUTH, queue → Maildir, through a delay link of " + rtt.toMillis()
                                    + " ms RTT",
                            link.port())));
        }
    }

    private static PrivatePostfixBuilder postfix(PrivatePostfix.Mode mode) {
        return PrivatePostfix.builder()
                .mode(mode)
                .deleteOnClose(true)
                // 16 pooled connections per client library, and a pool or two left idle: above the default 50.
                .connectionLimit(500)
                // The mailers of the round-trip links keep their pools open after their scenarios: room for them.
                .set("default_process_limit", "300")
                .set("message_size_limit", SIZE_LIMIT)
                .set("virtual_mailbox_limit", "0")
                .set("mailbox_size_limit", "0");
    }

    /** A private Postfix as clients reach it: STARTTLS required, AUTH as its default user, its trust store. */
    public static Target target(String key, String label, PrivatePostfix p) {
        String user = PrivatePostfixBuilder.DEFAULT_USER;
        return new Target(
                key,
                label,
                p.host(),
                p.port(),
                true,
                user,
                p.users().get(user),
                p.trustStore(),
                p.trustStorePassword(),
                p.trustStoreType());
    }

    public Target plainSink() {
        return plainSink;
    }

    public Target tlsSink() {
        return tlsSink;
    }

    public Target postfix() {
        return postfix;
    }

    /** The servers reached directly (over loopback). */
    public List<Target> all() {
        return List.of(plainSink, tlsSink, postfix);
    }

    /** Postfix through each delay link of {@link #ROUND_TRIPS}, in that order. */
    public List<RoundTrip> roundTrips() {
        return List.copyOf(roundTrips);
    }

    /** Every target a client may be pointed at: {@link #all()} and the round-trip links. */
    public List<Target> everyTarget() {
        List<Target> every = new ArrayList<>(all());
        roundTrips.forEach(r -> every.add(r.target()));
        return every;
    }

    /**
     * Before a measurement against the queueing Postfix: waits (bounded) until its queue has drained and empties
     * the Maildir, so one scenario's backlog is not measured in the next.
     */
    public void settle(Target target) {
        settle(target, Duration.ofSeconds(20));
    }

    /** Waits up to {@code limit} for Postfix's queue to drain, then empties its Maildir; nothing for the sinks. */
    public void settle(Target target, Duration limit) {
        if (!target.equals(postfix)
                && roundTrips.stream().noneMatch(r -> r.target().equals(target))) {
            return;
        }
        Path queue = postfixServer.directory().resolve("queue");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && !Thread.currentThread().isInterrupted() // the run is being stopped
                && LiveDirectory.count(queue.resolve("incoming")) + LiveDirectory.count(queue.resolve("active")) > 0) {
            sleep(50);
        }
        postfixServer.clearMaildir();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("bench: could not stop " + started.get(i) + ": " + e);
            }
        }
        started.clear();
    }

    private <T extends AutoCloseable> T keep(T server) {
        started.add(server);
        return server;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
