package dev.mailwire.bench.report;

import static dev.mailwire.bench.clients.ClientKind.RAW_BDAT_AFTER_RCPT;
import static dev.mailwire.bench.clients.ClientKind.RAW_BDAT_WITH_ENVELOPE;
import static dev.mailwire.bench.clients.ClientKind.RAW_LOCKSTEP;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED;
import static dev.mailwire.bench.clients.ClientKind.RAW_PIPELINED_ENVELOPE;
import static dev.mailwire.bench.clients.ClientKind.REUSED_TRANSPORT;

import dev.mailwire.bench.clients.ClientKind;
import dev.mailwire.bench.harness.Measurement;
import dev.mailwire.bench.server.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What each round trip costs, measured with the raw client (issue 12): lock-step against PIPELINING (RFC 2920) and
 * CHUNKING (RFC 3030), per server. A server whose EHLO does not offer CHUNKING (smtp-sink, the bench's TLS sink) gets
 * "not offered" in the BDAT cells, where a scenario left out by {@code --only} or failed gets "–".
 */
final class RawClientTable {

    static final String NOT_OFFERED = "not offered";

    private RawClientTable() {}

    /**
     * @param servers the rows, in order
     * @param chunking the keys of the servers whose EHLO offered CHUNKING
     */
    static void write(StringBuilder md, Results r, List<Target> servers, Set<String> chunking) {
        md.append("\n### PIPELINING (RFC 2920) and CHUNKING (RFC 3030), measured with the raw client"
                + " (1 KB, 1 thread)\n\n");
        md.append("Median msg/s; round trips per message in parentheses; the gains are over lock-step. *BDAT after"
                + " RCPT replies* pipelines MAIL and RCPT, waits for their replies, then writes `BDAT <n> LAST` and"
                + " the content at once: the round trips of the pipelined envelope, without the 354 and the"
                + " end-of-data dot (no dot-stuffing: the length is known). *BDAT with the envelope* writes MAIL,"
                + " RCPT, `BDAT <n> LAST` and the content at once: one round trip without waiting for the next mail,"
                + " but the content leaves before any RCPT is answered; when none is accepted the server answers the"
                + " BDAT with 554 and drops the content. Mailwire's rule that a send no recipient accepted sends no"
                + " content ([connections](connections.md#pipelining-rfc-2920)) rules that mode out for its default."
                + " The raw client fails a send on any reply it did not expect, a 554 to BDAT included; *"
                + NOT_OFFERED
                + "*: the server's EHLO has no CHUNKING.\n\n");
        md.append("| server | lock-step (4 round trips, as Angus) | pipelined envelope (2) | fully pipelined (1)"
                + " | BDAT after RCPT replies (2) | BDAT with the envelope (1) | envelope gain | full gain"
                + " | BDAT after RCPT gain | BDAT with the envelope gain | reused SMTPTransport / raw lock-step |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Target t : servers) {
            boolean offered = chunking.contains(t.key());
            Optional<Measurement> lock = find(r, RAW_LOCKSTEP, t);
            Optional<Measurement> env = find(r, RAW_PIPELINED_ENVELOPE, t);
            Optional<Measurement> full = find(r, RAW_PIPELINED, t);
            Optional<Measurement> bdatAfter = find(r, RAW_BDAT_AFTER_RCPT, t);
            Optional<Measurement> bdatWith = find(r, RAW_BDAT_WITH_ENVELOPE, t);
            md.append("| ").append(t.key());
            md.append(" | ").append(rate(lock));
            md.append(" | ").append(rate(env));
            md.append(" | ").append(rate(full));
            md.append(" | ").append(offered ? rate(bdatAfter) : NOT_OFFERED);
            md.append(" | ").append(offered ? rate(bdatWith) : NOT_OFFERED);
            md.append(" | ").append(ratio(env, lock));
            md.append(" | ").append(ratio(full, lock));
            md.append(" | ").append(ratio(bdatAfter, lock));
            md.append(" | ").append(ratio(bdatWith, lock));
            md.append(" | ").append(ratio(find(r, REUSED_TRANSPORT, t), lock)).append(" |\n");
        }
    }

    private static Optional<Measurement> find(Results r, ClientKind kind, Target t) {
        return r.find(kind.label(), t.key(), Goals.SIZE, 1);
    }

    private static String rate(Optional<Measurement> m) {
        return m.map(x -> Format.rate(x.median())).orElse("–");
    }

    private static String ratio(Optional<Measurement> a, Optional<Measurement> b) {
        return Results.ratio(a, b).map(Format::ratio).orElse("–");
    }
}
