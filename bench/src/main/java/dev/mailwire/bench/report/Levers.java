package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_CDI;
import static dev.mailwire.bench.clients.ClientKind.MAILWIRE_JCA;
import static dev.mailwire.bench.clients.ClientKind.NAIVE;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;

import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.harness.Scenario;
import dev.mailwire.bench.server.Target;
import java.util.List;
import java.util.Optional;

/**
 * The derived numbers that say where time goes besides round trips ({@link RawClientTable}): per-message lookups,
 * layers, handshakes.
 */
final class Levers {

    private static final String SIZE = Goals.SIZE;

    private Levers() {}

    static void write(StringBuilder md, Results r, List<Target> targets, String streamProviderVariant) {
        md.append("\n### Variants: one setting changed, same scenario (1 KB)\n\n");
        md.append("`" + streamProviderVariant.replace(" set", "")
                + "=org.eclipse.angus.mail.util.MailStreamProvider` skips jakarta.mail-api's ServiceLoader lookup,"
                + " which it repeats on every message write; Mailwire's embedded pool sets it on its own, so Mailwire's"
                + " rows run with it in both columns and only the peers show the lever."
                + " `pool.max-messages-per-connection` (default 1000; 100 before 0.1.0) retires a pooled connection,"
                + " and so costs a new TCP + TLS + AUTH handshake, every 1000 messages. `pool.max-size=1` (round-trip"
                + " links only) puts Mailwire's 8 callers on one connection instead of 8.\n\n");
        md.append("| variant | client | server | threads | msg/s without | msg/s with | gain"
                + " | client CPU µs/msg without → with |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Measurement with : r.all()) {
            Scenario s = with.scenario();
            if (s.variant().isEmpty()) {
                continue;
            }
            Optional<Measurement> without =
                    r.find(s.client(), s.target().key(), s.payload().label(), s.threads());
            Optional<Measurement> withOk = with.messages() > 0 ? Optional.of(with) : Optional.empty();
            md.append("| `").append(s.variant()).append("` | ").append(s.client());
            md.append(" | ").append(s.target().key()).append(" | ").append(s.threads());
            md.append(" | ").append(rate(without)).append(" | ").append(rate(withOk));
            md.append(" | ").append(ratio(withOk, without));
            md.append(" | ")
                    .append(cpu(without))
                    .append(" → ")
                    .append(cpu(withOk))
                    .append(" |\n");
        }

        md.append("\n### Layers and handshakes (1 KB, 1 thread)\n\n");
        md.append("| server | Mailwire CDI / JCA | Mailwire JCA / reused SMTPTransport"
                + " | naive p50 − reused p50 (≈ connect+EHLO+STARTTLS+AUTH+QUIT, Angus defaults) |\n");
        md.append("|---|---:|---:|---:|\n");
        for (Target t : targets) {
            Optional<Measurement> cdi = r.find(MAILWIRE_CDI.label(), t.key(), SIZE, 1);
            Optional<Measurement> jca = r.find(MAILWIRE_JCA.label(), t.key(), SIZE, 1);
            Optional<Measurement> reused = r.find(REUSED_TRANSPORT.label(), t.key(), SIZE, 1);
            Optional<Measurement> naive = r.find(NAIVE.label(), t.key(), SIZE, 1);
            md.append("| ").append(t.key());
            md.append(" | ")
                    .append(ratio(cdi, jca))
                    .append(" | ")
                    .append(ratio(jca, reused))
                    .append(" | ");
            if (naive.isPresent() && reused.isPresent()) {
                md.append(Format.millis(naive.get().p50Nanos() - reused.get().p50Nanos()))
                        .append(" ms");
            } else {
                md.append("–");
            }
            md.append(" |\n");
        }
    }

    private static String rate(Optional<Measurement> m) {
        return m.map(x -> Format.rate(x.median())).orElse("–");
    }

    private static String cpu(Optional<Measurement> m) {
        return m.map(x -> Format.micros(x.clientCpuMicros())).orElse("–");
    }

    private static String ratio(Optional<Measurement> a, Optional<Measurement> b) {
        return Results.ratio(a, b).map(Format::ratio).orElse("–");
    }
}
