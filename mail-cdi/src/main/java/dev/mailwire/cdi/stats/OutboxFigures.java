package dev.mailwire.cdi.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * The state of one mailer's outbox: mail committed but not yet delivered, and mail given up on.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param backlog committed mails waiting for their (next) attempt
 * @param oldestPending when the oldest waiting mail was committed, or null when none waits
 * @param deadLetters dead-lettered mails still kept
 */
public record OutboxFigures(long backlog, Instant oldestPending, long deadLetters) {

    /** How long the oldest waiting mail has waited at {@code now}; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return oldestPending == null || oldestPending.isAfter(now)
                ? Duration.ZERO
                : Duration.between(oldestPending, now);
    }
}
