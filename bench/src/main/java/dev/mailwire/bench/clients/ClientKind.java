package dev.mailwire.bench.clients;

import dev.mailwire.bench.clients.raw.RawSmtpClient;
import dev.mailwire.bench.harness.Client;
import dev.mailwire.bench.harness.Payload;
import dev.mailwire.bench.server.Target;

/** Every way of sending the bench compares, with the name the report gives it. */
public enum ClientKind {
    NAIVE("Transport.send per message"),
    REUSED_TRANSPORT("one reused SMTPTransport"),
    MAILWIRE_CDI("Mailwire @Inject Mailer"),
    MAILWIRE_JCA("Mailwire JCA MailConnection"),
    SIMPLE_JAVA_MAIL("Simple Java Mail, pooled"),
    VERTX("Vert.x mail client, pooled"),
    RAW_LOCKSTEP("raw socket, lock-step"),
    RAW_PIPELINED_ENVELOPE("raw socket, pipelined envelope"),
    RAW_PIPELINED("raw socket, fully pipelined"),
    RAW_BDAT_AFTER_RCPT("raw socket, BDAT after RCPT replies"),
    RAW_BDAT_WITH_ENVELOPE("raw socket, BDAT with the envelope");

    private final String label;

    ClientKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ClientKind byLabel(String label) {
        for (ClientKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no client called " + label);
    }

    /** Sets the client up (connections opened now where the client keeps them), ready for {@code threads}. */
    public Client open(Target t, Payload p, int threads, String variant, MailwireContainer mailwire) throws Exception {
        return switch (this) {
            case NAIVE -> new NaiveTransportSend(t, p);
            case REUSED_TRANSPORT -> new ReusedTransport(t, p, threads);
            case MAILWIRE_CDI -> new MailwireCdi(mailwire.mailer(t, variant), p);
            case MAILWIRE_JCA -> new MailwireJca(t, p, threads);
            case SIMPLE_JAVA_MAIL -> new SimpleJavaMailPool(t, p, threads);
            case VERTX -> new VertxMailPool(t, p, threads);
            case RAW_LOCKSTEP -> new RawSmtpClient(t, p, threads, RawSmtpClient.Mode.LOCKSTEP);
            case RAW_PIPELINED_ENVELOPE -> new RawSmtpClient(t, p, threads, RawSmtpClient.Mode.PIPELINED_ENVELOPE);
            case RAW_PIPELINED -> new RawSmtpClient(t, p, threads, RawSmtpClient.Mode.PIPELINED);
            case RAW_BDAT_AFTER_RCPT -> new RawSmtpClient(t, p, threads, RawSmtpClient.Mode.BDAT_AFTER_RCPT);
            case RAW_BDAT_WITH_ENVELOPE -> new RawSmtpClient(t, p, threads, RawSmtpClient.Mode.BDAT_WITH_ENVELOPE);
        };
    }
}
