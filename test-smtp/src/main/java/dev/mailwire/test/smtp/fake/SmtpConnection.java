package dev.mailwire.test.smtp.fake;

import java.util.Optional;

/** What a {@link Behaviour} may know about the connection it is asked about. */
public interface SmtpConnection {

    /** The order in which the server accepted this connection, from 0. */
    int index();

    boolean tlsActive();

    /** The identity of the successful AUTH on this connection, if any. */
    Optional<String> authIdentity();

    /** Messages completed on this connection so far (the current one not included). */
    int messages();

    /** Commands read on this connection so far, the current one included. */
    int commands();
}
