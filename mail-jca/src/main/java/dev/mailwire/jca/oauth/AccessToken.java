package dev.mailwire.jca.oauth;

import java.time.Duration;

/**
 * An access token and its lifetime, on this JVM's monotonic clock (wall-clock jumps do not age it). Its text form
 * never shows the value: tokens are passwords.
 */
public final class AccessToken {

    private final String value;
    private final long obtainedNanos;
    private final long expiresNanos;

    AccessToken(String value, long obtainedNanos, Duration lifetime) {
        this.value = value;
        this.obtainedNanos = obtainedNanos;
        this.expiresNanos = obtainedNanos + lifetime.toNanos();
    }

    /** The bearer token, for the AUTH exchange only. */
    public String value() {
        return value;
    }

    /** How long the issuer said it lives ({@code expires_in}). */
    public Duration lifetime() {
        return Duration.ofNanos(expiresNanos - obtainedNanos);
    }

    /** Whether it has expired by now. */
    public boolean expired() {
        return System.nanoTime() - expiresNanos >= 0;
    }

    /** Whether less than {@code margin} of its life is left. */
    boolean expiresWithin(Duration margin) {
        return System.nanoTime() - (expiresNanos - margin.toNanos()) >= 0;
    }

    /** The monotonic instant ({@link System#nanoTime()}) at which it expires. */
    public long expiresAtNanos() {
        return expiresNanos;
    }

    @Override
    public String toString() {
        return "AccessToken[lifetime=" + lifetime().toSeconds() + "s]";
    }
}
