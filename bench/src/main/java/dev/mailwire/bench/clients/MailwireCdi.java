package dev.mailwire.bench.clients;

import dev.mailwire.Mail;
import dev.mailwire.Mailer;
import dev.mailwire.SendResult;
import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;

/** {@code @Inject Mailer}: a {@link Mail} built per send, rendered, validated and sent over the embedded pool. */
final class MailwireCdi implements Client {

    private final Mailer mailer;
    private final Payload payload;

    MailwireCdi(Mailer mailer, Payload payload) {
        this.mailer = mailer;
        this.payload = payload;
    }

    @Override
    public void send(int thread) {
        SendResult result = mailer.send(Mail.builder()
                .from(payload.from())
                .to(payload.to())
                .subject(payload.subject())
                .text(payload.body())
                .build());
        if (!result.allDelivered()) {
            throw new IllegalStateException("not delivered: " + result);
        }
    }

    @Override
    public void close() {
        // the pool belongs to the container, which outlives the scenario
    }
}
