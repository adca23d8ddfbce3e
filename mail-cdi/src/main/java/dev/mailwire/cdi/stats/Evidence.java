package dev.mailwire.cdi.stats;

import java.time.Duration;
import java.time.Instant;

/**
 * What the last exchange with the SMTP server showed: it worked (a send got replies, a probe got a connection), or it
 * failed in a way that says the server cannot be used now. Readiness is decided from the newest evidence.
 *
 * <p>Beyond the specifications: a Mailwire API.
 *
 * @param at when it was seen
 * @param source a send, or a health probe
 * @param ok whether the server could be used
 * @param error the failure's kind when not {@code ok}, else null
 * @param text the failure's message without any credential, when not {@code ok}; else null
 */
public record Evidence(Instant at, Source source, boolean ok, ErrorKind error, String text) {

    /** Where the evidence came from. */
    public enum Source {
        SEND,
        PROBE
    }

    public static Evidence ok(Instant at, Source source) {
        return new Evidence(at, source, true, null, null);
    }

    public static Evidence failed(Instant at, Source source, ErrorKind error, String text) {
        return new Evidence(at, source, false, error, text);
    }

    /** How old this evidence is at {@code now}. */
    public Duration age(Instant now) {
        return at.isAfter(now) ? Duration.ZERO : Duration.between(at, now);
    }
}
