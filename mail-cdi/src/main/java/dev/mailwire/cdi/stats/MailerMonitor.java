package dev.mailwire.cdi.stats;

import dev.mailwire.SendResult;
import dev.mailwire.cdi.internal.Secrets;
import dev.mailwire.jca.pool.EmbeddedConnectionManager;
import dev.mailwire.jca.pool.PoolStats;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches one running mailer: counts its sends, keeps the newest {@link Evidence} that its SMTP server can be used,
 * probes the server on request, and gives {@link MailerStats} snapshots. One exists per started mailer; it is fired
 * as a CDI event when the mailer starts, so an application (or Mailwire's health checks) finds it with
 * {@code void started(@Observes MailerMonitor monitor)}.
 *
 * <p>Beyond the specifications: a Mailwire API. The recording methods ({@link #begin()}, {@link #returned}) are for
 * Mailwire's CDI layer only.
 */
public final class MailerMonitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailerMonitor.class.getName());

    private final MailerTarget target;
    private final Secrets secrets;
    private final EmbeddedConnectionManager pool;
    private final Runnable probe;
    private final Clock clock;
    private final SendCounters counters = new SendCounters();
    private final List<SendListener> listeners = new CopyOnWriteArrayList<>();
    private final EvidenceLog evidence;
    private volatile OutboxSource outbox;
    private volatile boolean closed;

    /**
     * @param secrets what to scrub from error texts
     * @param pool the embedded pool, or null (mock mode, a server's connection factory)
     * @param probe borrows a connection and gives it back, throwing a {@code MailerException} when that fails; null
     *     in mock mode
     */
    public MailerMonitor(
            MailerTarget target, Secrets secrets, EmbeddedConnectionManager pool, Runnable probe, Clock clock) {
        this.target = Objects.requireNonNull(target, "target");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.pool = pool;
        this.probe = probe;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.evidence = new EvidenceLog(secrets, clock);
    }

    public String mailer() {
        return target.mailer();
    }

    public MailerTarget target() {
        return target;
    }

    /** Scrubs this mailer's credentials from a text. */
    public String scrub(String text) {
        return secrets.scrub(text);
    }

    /** Starts timing one SMTP send; the caller reports how it ended on the returned attempt. */
    public Attempt begin() {
        return new Attempt(clock.instant(), System.nanoTime());
    }

    /** One send being timed. */
    public final class Attempt {
        private final Instant start;
        private final long startNanos;

        private Attempt(Instant start, long startNanos) {
            this.start = start;
            this.startNanos = startNanos;
        }

        public void sent(SendResult result) {
            record(Outcomes.of(mailer(), result, start, System.nanoTime() - startNanos), null);
        }

        public void failed(RuntimeException failure) {
            record(Outcomes.of(mailer(), failure, start, System.nanoTime() - startNanos), failure);
        }
    }

    /**
     * What {@code Mailer.send} returned. Only what no SMTP attempt reported is counted here: a mail held for its
     * transaction, and a mock send.
     */
    public void returned(SendResult result) {
        if (result.isDeferred() || target.mode() == MailerStats.Mode.MOCK) {
            record(Outcomes.of(mailer(), result, clock.instant(), -1), null);
        }
    }

    /**
     * Borrows a connection and gives it back, on the calling thread: a fresh connection does TCP, TLS and AUTH; an
     * idle one is checked with NOOP when idle longer than {@code pool.validate-after-idle}. Blocks as long as the
     * mailer's own timeouts allow; run it where that does not matter.
     */
    public Evidence probe() {
        if (probe == null) {
            return evidence.probed(null);
        }
        try {
            probe.run();
            return evidence.probed(null);
        } catch (RuntimeException e) {
            return evidence.probed(e);
        }
    }

    /** The newest evidence a send left, if any. */
    public Optional<Evidence> lastSendEvidence() {
        return Optional.ofNullable(evidence.lastSend());
    }

    /** The result of the newest finished probe, if any. */
    public Optional<Evidence> lastProbeEvidence() {
        return Optional.ofNullable(evidence.lastProbe());
    }

    /** The newest failure that found the server unusable (its text scrubbed), if any; it may be older than a success. */
    public Optional<Evidence> lastFailure() {
        return Optional.ofNullable(evidence.lastFailure());
    }

    /** Lets the outbox report its figures; replaces an earlier source. */
    public void outbox(OutboxSource source) {
        this.outbox = source;
    }

    /** The outbox's figures, or null when there is no outbox or it could not say. */
    public OutboxFigures outboxFigures() {
        OutboxSource source = outbox;
        if (source == null) {
            return null;
        }
        try {
            return source.figures();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Mailer '" + mailer() + "': outbox figures unavailable");
            return null;
        }
    }

    /** The embedded pool's figures, or null when the mailer has none. */
    public PoolStats poolStats() {
        return pool == null || pool.isClosed() ? null : pool.stats();
    }

    /**
     * Why this mailer is broken beyond repair by waiting (what liveness reports), or empty. Answered from memory: no
     * network, no database.
     */
    public Optional<String> problem() {
        if (closed) {
            return Optional.empty();
        }
        if (pool != null && pool.isClosed()) {
            return Optional.of("the embedded pool is closed while the mailer is open");
        }
        OutboxSource source = outbox;
        if (source != null && !source.dispatcherRunning()) {
            return Optional.of("the outbox dispatcher has stopped");
        }
        return Optional.empty();
    }

    public MailerStats stats() {
        return new MailerStats(
                mailer(),
                target.mode(),
                target.server(),
                target.tls(),
                counters.sends(),
                counters.rejectedByReplyClass(),
                counters.errors(),
                counters.recipients(),
                counters.latency(),
                evidence.lastSuccess(),
                evidence.lastFailure(),
                poolStats(),
                outboxFigures(),
                clock.instant());
    }

    /** Tells {@code listener} about every later send, until the mailer closes (which closes the listener). */
    public void addListener(SendListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public boolean isClosed() {
        return closed;
    }

    /** Called when the mailer closes: closes the listeners (telemetry unregisters its gauges). */
    @Override
    public void close() {
        closed = true;
        for (SendListener l : listeners) {
            try {
                l.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, e, () -> "Mailer '" + mailer() + "': closing a send listener failed");
            }
        }
        listeners.clear();
    }

    private void record(SendEvent event, RuntimeException failure) {
        counters.add(event);
        evidence.sent(event, failure);
        for (SendListener l : listeners) {
            try {
                l.sent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "Mailer '" + mailer() + "': a send listener failed");
            }
        }
    }
}
