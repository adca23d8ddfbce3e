package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/** {@code Transport.send} per message: connect, STARTTLS, AUTH, send, QUIT, every time. */
final class NaiveTransportSend implements Client {

    private final Target target;
    private final Payload payload;
    private final Session session;

    NaiveTransportSend(Target target, Payload payload) {
        this.target = target;
        this.payload = payload;
        this.session = BareAngus.session(target);
    }

    @Override
    public void send(int thread) throws Exception {
        if (target.authenticates()) {
            Transport.send(BareAngus.message(session, payload), target.username(), target.password());
        } else {
            Transport.send(BareAngus.message(session, payload));
        }
    }

    @Override
    public void close() {}
}
