package dev.mailwire.jca;

import java.io.IOException;

/**
 * Holds a connection's writes back until they can leave together: what TCP_CORK does, in user space. Mailwire corks
 * a connection when it writes a message's final dot whose reply it will read later, so that the dot and the next
 * message's envelope, written moments later, leave in one write (RFC 2920 §3.1 lets a client send them together).
 * Held bytes never wait for a reply that needs them: reading from the connection first sends whatever is held.
 */
interface Cork {

    /** Holds every write until {@link #uncork()} or the next read. */
    void cork() throws IOException;

    /** Sends what is held, in one write, and stops holding. */
    void uncork() throws IOException;
}
