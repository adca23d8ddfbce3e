package dev.mailwire.it.reliability.throttling;

import dev.mailwire.PoolExhaustedException;

/**
 * How a send failed in a 421 storm, read from what the caller got. The expected ways: the server's own 421 (at
 * connect or at MAIL FROM, the reply text quoted in Mailwire's error), the back-off window repeating it without a
 * connect, or a pool whose working connections stayed busy for pool.acquire-timeout. Anything else is unexpected.
 */
enum Refusal {
    SERVER_421("the server's 421"),
    BACK_OFF("the back-off window, repeating the 421"),
    ACQUIRE_TIMEOUT("pool.acquire-timeout"),
    UNEXPECTED("anything else");

    final String label;

    Refusal(String label) {
        this.label = label;
    }

    static Refusal of(Throwable t) {
        if (t instanceof PoolExhaustedException) {
            return ACQUIRE_TIMEOUT;
        }
        String m = String.valueOf(t.getMessage());
        if (!m.contains(Throttle.REPLY)) {
            return UNEXPECTED;
        }
        return m.contains("not connecting to") ? BACK_OFF : SERVER_421;
    }
}
