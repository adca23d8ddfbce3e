package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The books of a soak against Postfix, balanced once the outbox has settled: every committed mail (a row of the
 * outbox) must be delivered (its Message-ID in the Maildir) or dead-lettered; every copy must carry a committed
 * Message-ID; every duplicate must be explained by Postfix's own log ({@link AfterDotFaults}).
 *
 * @param committed rows of the outbox
 * @param delivered distinct committed Message-IDs in the Maildir
 * @param dead rows dead-lettered
 * @param lost committed − delivered − dead-lettered
 * @param duplicates copies beyond the first per Message-ID
 * @param unexplained duplicated Message-IDs without a fault after the final dot in Postfix's log
 * @param strangers copies whose Message-ID was never committed
 */
public record MailAccount(
        int committed, int delivered, long dead, long lost, int duplicates, long unexplained, int strangers) {

    /** @param faults how to read Postfix's log: {@link AfterDotFaults#serverStops} or {@link AfterDotFaults#clientDies} */
    public static MailAccount of(
            OutboxLedger ledger, PrivatePostfix postfix, Function<List<SmtpSession>, AfterDotFaults> faults) {
        Set<String> committed = ledger.states().keySet();
        Deliveries deliveries = new Deliveries(postfix.delivered(), committed);
        Set<String> accounted = new HashSet<>(deliveries.ids());
        accounted.addAll(ledger.ids("DEAD"));
        long lost = committed.stream().filter(id -> !accounted.contains(id)).count();
        AfterDotFaults log = faults.apply(postfix.log().sessions());
        long unexplained = deliveries.duplicated().values().stream()
                .filter(copies -> !log.explains(copies))
                .count();
        int delivered =
                (int) deliveries.ids().stream().filter(committed::contains).count();
        return new MailAccount(
                committed.size(),
                delivered,
                ledger.count("DEAD"),
                lost,
                deliveries.duplicates(),
                unexplained,
                deliveries.withoutCommittedId().size());
    }

    /** The figures every soak reports, and its part of the matrix totals. */
    public Section report(Section s, String committedHow) {
        return s.figure("committed", committed, committedHow)
                .figure("delivered", delivered, "distinct committed Message-IDs in Postfix's Maildir")
                .figure("dead-lettered", dead, "outbox rows in state DEAD")
                .figure("lost", lost, "committed − delivered − dead-lettered")
                .figure("duplicates", duplicates, "copies beyond the first per Message-ID")
                .figure(
                        "duplicates without a fault after the final dot",
                        unexplained,
                        "Postfix's log: the earlier copy was not accepted in a session that then ended without QUIT (see "
                                + "below)")
                .figure("copies with a Message-ID never committed", strangers, "Maildir Message-IDs not in the outbox")
                .count(Matrix.COMMITTED, committed)
                .count(Matrix.LOST, lost)
                .count(Matrix.DUPLICATES, duplicates)
                .count(Matrix.UNEXPLAINED_DUPLICATES, unexplained + strangers);
    }
}
