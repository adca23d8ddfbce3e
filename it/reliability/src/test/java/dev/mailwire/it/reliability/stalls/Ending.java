package dev.mailwire.it.reliability.stalls;

import dev.mailwire.PoolExhaustedException;

/**
 * Which bound ended a failed send, read from what the caller got: Mailwire's error texts name the setting whose limit
 * ran out ({@code (read-timeout)}, {@code (send-timeout)}, {@code (connect-timeout)}), a pool that stayed busy throws
 * {@link PoolExhaustedException}, and a connect refused inside the back-off window says so. Anything else is
 * reported by its class: an ending no bound explains.
 */
enum Ending {
    READ_TIMEOUT("read-timeout"),
    READ_TIMEOUT_AFTER_DOT("read-timeout, after the final dot"),
    SEND_TIMEOUT("send-timeout"),
    CONNECT_TIMEOUT("connect-timeout"),
    ACQUIRE_TIMEOUT("pool.acquire-timeout"),
    BACK_OFF("the connect back-off after an earlier timeout"),
    OTHER("no bound");

    final String label;

    Ending(String label) {
        this.label = label;
    }

    static Ending of(Throwable t) {
        if (t instanceof PoolExhaustedException) {
            return ACQUIRE_TIMEOUT;
        }
        String m = String.valueOf(t.getMessage());
        if (m.contains("not connecting to")) {
            return BACK_OFF;
        }
        if (m.contains("(send-timeout)")) {
            return SEND_TIMEOUT;
        }
        if (m.contains("(read-timeout)")) {
            return m.contains("may already have accepted") ? READ_TIMEOUT_AFTER_DOT : READ_TIMEOUT;
        }
        if (m.contains("(connect-timeout)")) {
            return CONNECT_TIMEOUT;
        }
        return OTHER;
    }
}
