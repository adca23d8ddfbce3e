package dev.mailwire.it.reliability.support;

/**
 * The figures summed over the whole matrix for the report's summary, each tied to the "must show" item.
 * Every one of them must be 0, and {@link Section#count} asserts that where it is counted, except the totals
 * ({@link #COMMITTED}, {@link #DUPLICATES}, {@link #RETRIED_4XX}), which add up figures each section asserts against
 * its own bound.
 */
public enum Matrix {
    COMMITTED("1", "mails committed under restarts and kills"),
    LOST("1", "lost mails (committed − delivered)"),
    DEAD_LETTERED("1", "committed mails dead-lettered under restarts and kills"),
    DUPLICATES("2", "duplicate deliveries, each after a fault after the final dot, same Message-ID"),
    UNEXPLAINED_DUPLICATES("2", "duplicates not preceded by a fault after the final dot, or with another Message-ID"),
    OVER_BOUND("3", "blocking calls that outlived their configured bound"),
    STUCK_THREADS("3", "threads left in socket I/O after a stall"),
    OVER_MAX_SIZE("4", "times the server saw more connections than pool.max-size"),
    IN_USE_AFTER("4", "connections still in use after a storm"),
    RECONNECT_LOOPS("4", "421 storms where connection attempts per second exceeded the bound"),
    AUTH_BEFORE_TLS("5", "AUTH commands on the wire before TLS"),
    INJECTED_LINES("5", "injected command or header lines on the wire"),
    BARE_LINE_ENDINGS("5", "messages with a bare CR or LF on the wire"),
    CREDENTIAL_LEAKS("5", "texts with a credential (logs, exceptions, health output, node logs)"),
    TLS_ACCEPTED("5", "TLS misconfigurations that did not fail closed"),
    RETRIED_4XX("6", "4xx replies retried (counted from the servers' records)"),
    UNBACKED_4XX("6", "4xx retries sooner than the back-off allows"),
    RETRIED_5XX("6", "5xx replies retried");

    private final String mustShow;
    private final String label;

    Matrix(String mustShow, String label) {
        this.mustShow = mustShow;
        this.label = label;
    }

    public String mustShow() {
        return mustShow;
    }

    public String label() {
        return label;
    }

    /** Whether every section that counts this figure must count 0. */
    public boolean mustBeZero() {
        return this != COMMITTED && this != DUPLICATES && this != RETRIED_4XX;
    }
}
