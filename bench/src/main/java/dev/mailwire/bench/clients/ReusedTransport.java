package dev.mailwire.bench.clients;

import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One bare {@code SMTPTransport} per thread, connected once and kept: the best a careful user gets from Angus
 * alone. No validation, no deadlines, no per-recipient results, no recovery.
 */
final class ReusedTransport implements Client {

    private final Payload payload;
    private final Session session;
    private final Transport[] transports;

    ReusedTransport(Target target, Payload payload, int threads) throws MessagingException {
        this.payload = payload;
        this.session = BareAngus.session(target);
        this.transports = new Transport[threads];
        for (int i = 0; i < threads; i++) {
            transports[i] = session.getTransport("smtp");
            transports[i].connect(target.host(), target.port(), target.username(), target.password());
        }
    }

    @Override
    public void send(int thread) throws Exception {
        MimeMessage m = BareAngus.message(session, payload);
        m.saveChanges();
        transports[thread].sendMessage(m, m.getAllRecipients());
    }

    @Override
    public void close() throws MessagingException {
        for (Transport t : transports) {
            t.close();
        }
    }
}
