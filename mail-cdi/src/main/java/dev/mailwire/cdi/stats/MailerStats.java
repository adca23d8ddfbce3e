package dev.mailwire.cdi.stats;

import dev.mailwire.RecipientResult;
import dev.mailwire.jca.pool.PoolStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A point-in-time snapshot of one mailer: its sends by outcome, its latest success and failure, its pool and its
 * outbox. The same figures as the OpenTelemetry metrics, for applications without telemetry; take one with {@link
 * MailerMonitor#stats()}. Counters count since the mailer started. Never holds an address, a user name or a secret.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param mailer the mailer's name ({@code <default>} for the unnamed one)
 * @param mode how the mailer reaches its server
 * @param server {@code host:port} for {@link Mode#SMTP}, the JNDI name for {@link Mode#CONNECTION_FACTORY}, null for
 *     {@link Mode#MOCK}
 * @param tls {@code STARTTLS}, {@code IMPLICIT} or {@code NONE}; null when the server's connection definition decides
 * @param sends sends by outcome, every outcome present
 * @param rejectedByReplyClass {@link SendOutcome#REJECTED} sends by the worse reply class, {@code 4xx} and {@code 5xx}
 * @param errors {@link SendOutcome#ERROR} sends by kind, every kind present
 * @param recipients recipients by the server's answer; {@code QUEUED} for those held for their transaction
 * @param latency how long exchanges with the server took
 * @param lastSuccess when a send or probe last found the server usable, or null if never
 * @param lastFailure the last failure that found it unusable, or null if none; its text holds no credential
 * @param pool the embedded pool's figures, or null when the server's (or no) pool is used
 * @param outbox the outbox's figures, or null when the mailer has no outbox
 * @param taken when this snapshot was taken
 */
public record MailerStats(
        String mailer,
        Mode mode,
        String server,
        String tls,
        Map<SendOutcome, Long> sends,
        Map<String, Long> rejectedByReplyClass,
        Map<ErrorKind, Long> errors,
        Map<RecipientResult.Status, Long> recipients,
        Latency latency,
        Instant lastSuccess,
        Evidence lastFailure,
        PoolStats pool,
        OutboxFigures outbox,
        Instant taken) {

    /** How a mailer reaches its SMTP server. */
    public enum Mode {
        /** Its own embedded pool ({@code host}, {@code port}, …). */
        SMTP,
        /** A connection factory of the application server ({@code connection-factory}). */
        CONNECTION_FACTORY,
        /** {@code mock=true}: nothing is sent. */
        MOCK
    }

    /**
     * @param count exchanges measured
     * @param total their summed duration
     * @param max the longest one
     */
    public record Latency(long count, Duration total, Duration max) {

        /** The mean duration; zero before the first exchange. */
        public Duration mean() {
            return count == 0 ? Duration.ZERO : total.dividedBy(count);
        }
    }

    public MailerStats {
        sends = Map.copyOf(sends);
        rejectedByReplyClass = Map.copyOf(rejectedByReplyClass);
        errors = Map.copyOf(errors);
        recipients = Map.copyOf(recipients);
    }

    /** The number of sends that ended with {@code outcome}. */
    public long sends(SendOutcome outcome) {
        return sends.getOrDefault(outcome, 0L);
    }

    /** The text of {@link #lastFailure()}, or null. */
    public String lastError() {
        return lastFailure == null ? null : lastFailure.text();
    }
}
