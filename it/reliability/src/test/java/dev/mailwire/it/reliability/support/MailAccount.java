package dev.mailwire.it.reliability.support;

import dev.mailwire.test.smtp.postfix.PrivatePostfix;
import dev.mailwire.test.smtp.postfix.SmtpSession;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The books of a soak against Postfix, balanced once the outbox has settled: every committed mail (a row of the
 * outbox) must be delivered (its Message-ID in the Maildir), none dead-lettered; every copy must carry a committed
 * Message-ID; every duplicate must be explained by Postfix's own log ({@link AfterDotFaults}).
 *
 * @param committed rows of the outbox
 * @param delivered distinct committed Message-IDs in the Maildir
 * @param dead rows dead-lettered
 * @param lost committed − delivered (a dead-lettered mail is lost too)
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
        long lost = lost(committed, deliveries.ids());
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

    /**
     * Committed mails that never reached the Maildir. A dead-lettered mail is among them: it did not arrive, whatever
     * the outbox says about why; it is listed separately besides.
     */
    static long lost(Set<String> committed, Set<String> delivered) {
        return committed.stream().filter(id -> !delivered.contains(id)).count();
    }

    /**
     * The figures every soak reports, each asserted, and its part of the matrix totals.
     *
     * @param duplicateBound the most duplicates the soak's faults can explain, worded with why in {@code boundWhy}
     */
    public Section report(Section s, String committedHow, long duplicateBound, String boundWhy) {
        return s.measured("committed", committed, committedHow)
                .measured("delivered", delivered, "distinct committed Message-IDs in Postfix's Maildir")
                .zero("lost", lost, "committed − delivered: every committed Message-ID must be in the Maildir")
                .zero(
                        "dead-lettered",
                        dead,
                        "outbox rows in state DEAD: no fault of this soak is a reason to give up on a mail (counted "
                                + "as lost as well)")
                .atMost("duplicates", duplicates, duplicateBound, "copies beyond the first per Message-ID; " + boundWhy)
                .zero(
                        "duplicates without a fault after the final dot",
                        unexplained,
                        "Postfix's log: the earlier copy was not accepted in a session that then ended without QUIT (see "
                                + "below)")
                .zero("copies with a Message-ID never committed", strangers, "Maildir Message-IDs not in the outbox")
                .count(Matrix.COMMITTED, committed)
                .count(Matrix.LOST, lost)
                .count(Matrix.DEAD_LETTERED, dead)
                .count(Matrix.DUPLICATES, duplicates)
                .count(Matrix.UNEXPLAINED_DUPLICATES, unexplained + strangers);
    }
}
